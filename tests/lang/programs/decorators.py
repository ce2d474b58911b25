# Closures and decorators with *args/**kwargs, decorator factories, memoization, counters
import time


def counted(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__wrapped__ = fn
    return wrapper


def memoize(fn):
    cache = {}

    def inner(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    inner.cache = cache
    return inner


def trace(prefix="->", show_result=True):
    def deco(fn):
        depth = [0]

        def wrapper(*args, **kwargs):
            parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in sorted(kwargs.items())]
            print(f"{'  ' * depth[0]}{prefix} {fn.__name__}({', '.join(parts)})")
            depth[0] += 1
            try:
                result = fn(*args, **kwargs)
            finally:
                depth[0] -= 1
            if show_result:
                print(f"{'  ' * depth[0]}<- {result!r}")
            return result
        return wrapper
    return deco


def timed(fn):
    def wrapper(*a, **k):
        t0 = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            wrapper.elapsed = time.perf_counter() - t0
    return wrapper


@counted
@memoize
def fib(n):
    """Fibonacci, memoized."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@trace(prefix="call")
def gcd(a, b, *, verbose=False):
    return a if b == 0 else gcd(b, a % b, verbose=verbose)


@trace(show_result=False)
def greet(name, greeting="Hello", *rest, punct="!", **extra):
    return f"{greeting}, {name}{punct} {rest} {extra}"


print(fib(80), fib.calls, fib.__name__, fib.__doc__, len(fib.__wrapped__.cache))
print(gcd(1071, 462, verbose=True))
greet("Ann")
greet("Bob", "Hi", 1, 2, punct="?", mood="happy", a=1)


def make_counter(start=0, step=1):
    count = start

    def incr(by=None):
        nonlocal count
        count += step if by is None else by
        return count

    def get():
        return count
    return incr, get


inc, get = make_counter(10, 5)
inc(); inc(); inc(100)
print(get(), inc.__closure__ is not None, len(inc.__closure__), inc.__code__.co_freevars)
adders = [lambda x, n=n: x + n for n in range(4)]
late = [lambda x: x + n for n in range(4)]
print([f(10) for f in adders], [f(10) for f in late])


def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed


pipeline = compose(str, lambda v: v * 2, abs)
print(repr(pipeline(-21)), compose()(7))


def partial(fn, *pargs, **pkw):
    def call(*args, **kw):
        return fn(*pargs, *args, **{**pkw, **kw})
    return call


p = partial(greet.__call__ if False else (lambda *a, **k: (a, k)), 1, 2, x=3)
print(p(4, y=5), p(x=9))
print((lambda *a, **k: (a, sorted(k)))(*range(3), **{"b": 1, "a": 2}))
timed_sum = timed(sum)
print(timed_sum(range(1000)), timed_sum.elapsed >= 0)


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner
    x = "rebound"
    return middle()()


print(outer())
try:
    gcd(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    make_counter(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    greet()
except TypeError as e:
    print("TypeError:", e)
