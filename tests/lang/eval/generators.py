# Generators: send, throw, close, yield from, return values, PEP 479.
def gen():
    x = yield 1
    print("got", x)
    y = yield x * 2
    return y

g = gen()
print(next(g))
print(g.send(10))
try:
    g.send("done")
except StopIteration as e:
    print("StopIteration", e.value)
print(list(g))

def inner():
    yield "a"
    yield "b"
    return "inner-result"

def outer():
    r = yield from inner()
    yield r
    r2 = yield from [1, 2]
    yield r2
print(list(outer()))

def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)
        except GeneratorExit:
            print("closing")
            raise
c = catcher()
next(c)
c.throw(ValueError("v1"))
c.throw(ValueError, "v2")
c.close()
print("closed", c.gi_frame)

def delegating():
    yield from catcher()
d = delegating()
next(d)
d.throw(ValueError("through"))
d.close()

def finally_gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
f = finally_gen()
print(next(f))
del f
print("after del")

def bad():
    yield 1
    raise StopIteration("oops")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

def running():
    yield me.gi_running
me = running()
print(next(me), me.gi_running)

def reentrant():
    yield next(r)
r = reentrant()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)

def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ie = ignore_exit()
next(ie)
try:
    ie.close()
except RuntimeError as e:
    print("RuntimeError:", e)

print(sum(x * x for x in range(10)))
ge = (i for i in range(3))
print(type(ge).__name__, ge.__name__, next(ge), list(ge))
g2 = gen()
print(repr(g2)[:22], g2.__name__, g2.__qualname__, g2.gi_code.co_name)
try:
    g2.send(1)
except TypeError as e:
    print("TypeError:", e)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
it = fib()
print([next(it) for _ in range(10)])

def gen_return_in_finally():
    try:
        yield 1
    finally:
        return 5
gr = gen_return_in_finally()
next(gr)
print(gr.close())

def throw_unstarted():
    yield 1
tu = throw_unstarted()
try:
    tu.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
print(list(tu))
