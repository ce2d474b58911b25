class CountCalls:
    def __init__(self, f):
        self.f = f
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.f(*args)
@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.calls)
def add_attr(cls):
    cls.added = "yes"
    return cls
@add_attr
class Thing:
    pass
print(Thing.added)
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
