print("circ_a: start")
A_EARLY = "a-early"
import _helper_circ_b
print("circ_a: b imported, b.B_VALUE =", _helper_circ_b.B_VALUE)
A_LATE = "a-late"
def a_func():
    return "a_func sees " + _helper_circ_b.B_VALUE
print("circ_a: end")
