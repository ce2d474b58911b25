import _helper_circ_a
print("main: a imported")
print(_helper_circ_a.A_EARLY, _helper_circ_a.A_LATE)
import _helper_circ_b
print(_helper_circ_b.B_VALUE)
print(_helper_circ_a.a_func())
print(_helper_circ_b.b_func())
print(_helper_circ_a._helper_circ_b is _helper_circ_b)
