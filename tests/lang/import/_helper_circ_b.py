print("circ_b: start")
import _helper_circ_a
print("circ_b: a.A_EARLY =", _helper_circ_a.A_EARLY)
print("circ_b: a has A_LATE?", hasattr(_helper_circ_a, "A_LATE"))
B_VALUE = "b-value"
def b_func():
    return "b_func sees " + _helper_circ_a.A_LATE
print("circ_b: end")
