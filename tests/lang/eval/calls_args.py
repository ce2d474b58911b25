# Argument binding: defaults, *args, **kwargs, keyword-only, positional-only,
# and CPython's exact TypeError messages.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(*[1, 2, 3], **{"c": 10, "z": 11}))

def p(a, b, /, c):
    return a + b + c
print(p(1, 2, c=3))

def g(a, b=1):
    pass

def k(a, b, c, *, d, e):
    pass

def h(a, /, b):
    pass

def z():
    pass

class A:
    def m(self, x):
        return x

def show(thunk):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)

show(lambda: g(1, 2, 3))
show(lambda: g())
show(lambda: g(1, z=2))
show(lambda: g(1, a=2))
show(lambda: k())
show(lambda: k(1, 2, 3))
show(lambda: k(1, 2, 3, 4, d=1))
show(lambda: h(a=1, b=2))
show(lambda: z(1))
show(lambda: A().m())
show(lambda: A().m(1, 2))
show(lambda: A.m())
show(lambda: g(**{1: 2}))
show(lambda: g(*1))
show(lambda: g(**1))
show(lambda: g(**{"a": 1}, a=2))

# kwargs dict is fresh each call; defaults evaluated once
def acc(x, seen=[]):
    seen.append(x)
    return len(seen)
print(acc(1), acc(2), acc(3))
def kwfresh(**kw):
    kw["n"] = kw.get("n", 0) + 1
    return kw
d = {"n": 5}
print(kwfresh(**d), d)
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f.__name__, f.__qualname__, A.m.__qualname__, f.__module__)
