# sys.path is a real list: directories added at run time are searched.
import sys, os
print(type(sys.path).__name__)
try:
    import _exmod
except ModuleNotFoundError as e:
    print("before:", e)
here = os.path.dirname(os.path.abspath(__file__))
sys.path.append(os.path.join(here, "_extra"))
import _exmod
print(_exmod.V)
import _xpkg
print(_xpkg.W, _xpkg.__package__)
sys.path.insert(0, "_extra")
print(sys.path[0])
saved = sys.path
sys.path = ["/nonexistent-dir"]
try:
    import _exmod2
except ImportError as e:
    print(e)
sys.path = saved
import _exmod as again
print(again is _exmod)
