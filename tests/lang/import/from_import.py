from _helper_math import add, mul as times, PI
print(add(1, 2), times(3, 4), PI)
from _helper_math import *
print(sub(10, 4) if "sub" in globals() else "sub not exported by *")
print("_private" in globals(), "Shape" in globals())
from _helper_math import _private, Shape
print(_private, Shape("sq").describe())
from _helper_math import calls, counted
counted()
counted()
import _helper_math
print(calls, _helper_math.calls)
