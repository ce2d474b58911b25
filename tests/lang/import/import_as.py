import _helper_math as hm
import sys as system
print(hm.add(1, 1), system.maxsize > 0)
print(hm.__name__, "hm" in globals(), "_helper_math" in globals())
import math as m, _helper_math as h2
print(m.floor(2.5), h2 is hm)
