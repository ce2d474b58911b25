def show(**kw):
    return list(kw.items())
print(show(z=1, a=2, m=3))
print(show(**{"b": 1}, a=2))
def f(a, b, c):
    return (a, b, c)
print(f(c=3, a=1, b=2), f(1, c=3, b=2), f(*(1, 2), **{"c": 3}))
try:
    f(1, **{"a": 2, "b": 3, "c": 4})
except TypeError as e:
    print("TypeError:", e)
def g(a, **rest):
    return a, rest
print(g(a=1, b=2), g(1, **{"c": 3, "d": 4}))
