def use_math():
    import math
    return math.sqrt(16)
print(use_math())
print("math" in globals())
def lazy_helper():
    from _helper_math import mul
    return mul(6, 7)
print(lazy_helper(), lazy_helper())
print("mul" in globals())
