import sys
try:
    import _helper_circ_b
except AttributeError as e:
    print("AttributeError:", e)
print("_helper_circ_a" in sys.modules, "_helper_circ_b" in sys.modules)
import _helper_circ_a
print("main: a imported on second try")
print(_helper_circ_a.a_func())
import _helper_circ_b
print(_helper_circ_b.b_func())
