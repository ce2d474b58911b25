def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2))
def g(first, *rest, last="L", **extra):
    return first, rest, last, extra
print(g(1), g(1, 2, 3), g(1, 2, last="Z", q=9))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1, 2, 3), total(*range(10)))
def kw_only_dict(**kw):
    return sorted(kw.items())
print(kw_only_dict(b=2, a=1), kw_only_dict(**{"x": 0}))
def passthrough(*a, **k):
    return f(*a, **k)
print(passthrough(1, 2, z=3))
