import math
for v in [2.5, -2.5, 2.0, -0.5, 1e20, 3.9999]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__)
print(math.floor(7), math.ceil(-7), math.trunc(-7.9))
print(math.fabs(-3), math.fabs(2.5), math.copysign(3, -0.0), math.copysign(-2.0, 1))
print(math.modf(3.75), math.modf(-2.5), math.fmod(7, 3), math.fmod(-7, 3), -7 % 3)
print(math.floor(-0.0), math.ceil(0.1), math.ceil(-0.1))
