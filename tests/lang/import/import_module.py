import sys
print("_helper_math" in sys.modules)
import _helper_math
print("_helper_math" in sys.modules)
print(_helper_math.add(2, 3), _helper_math.mul(4, 5), _helper_math.PI)
print(_helper_math.__name__, _helper_math.__doc__)
import _helper_math
import _helper_math as again
print(again is _helper_math, sys.modules["_helper_math"] is _helper_math)
s = _helper_math.Shape("circle")
print(s.describe(), type(s).__name__)
print(_helper_math.counted(), _helper_math.counted(), _helper_math.calls)
print([n for n in dir(_helper_math) if not n.startswith("__")])
