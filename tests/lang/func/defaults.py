def f(a, b=2, c="x"):
    return a, b, c
print(f(1), f(1, 3), f(1, c="y"), f(a=0, c=1, b=2))
def g(x, lst=[]):
    lst.append(x)
    return lst
print(g(1), g(2), g(3, []))
def h(x, cache=None):
    if cache is None:
        cache = []
    cache.append(x)
    return cache
print(h(1), h(2))
n = 10
def k(v=n):
    return v
n = 20
print(k())
print(f.__defaults__, k.__defaults__, h.__defaults__)
