def trace(f):
    def wrapper(*args, **kwargs):
        print("calling", f.__name__, args, kwargs)
        r = f(*args, **kwargs)
        print("returned", r)
        return r
    wrapper.__name__ = f.__name__
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
print(add.__name__)
def repeat(n):
    def deco(f):
        def wrapper(*a):
            return [f(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def d1(f):
    return lambda: "d1(" + f() + ")"
def d2(f):
    return lambda: "d2(" + f() + ")"
@d1
@d2
def base():
    return "base"
print(base())
registry = []
def register(f):
    registry.append(f.__name__)
    return f
@register
def one(): pass
@register
def two(): pass
print(registry, one() is None)
