# Importing .py modules beside the script, sys.modules caching, errors.
import sys
import _helper_mod
import _helper_mod as again
print(_helper_mod.VALUE, _helper_mod.twice(21), again is _helper_mod)
print("_helper_mod" in sys.modules, _helper_mod.__name__)
from _helper_mod import twice, VALUE as V
print(twice(2), V)
from _helper_mod import *
print("_private" in dir(), "twice" in dir())

try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)

try:
    from _helper_mod import missing_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])

try:
    import _circ_a
except ImportError as e:
    print("ImportError:", str(e).split(" (most")[0])
print("_circ_a" in sys.modules)

import math, time
print(type(math).__name__, math.__name__)

def local_import():
    import _helper_mod as h
    return h.VALUE
print(local_import())
