# Asynchronous generators (PEP 525): async for over them, asend, athrow,
# aclose, awaits inside the body passed through to the driver.

class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        return (yield self.tag)

def run(coro):
    sent = None
    while True:
        try:
            tag = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("  [driver]", tag)
        sent = tag

async def agen(n):
    for i in range(n):
        got = await Suspend("wait %d" % i)
        yield i, got
    print("agen done")

async def consume():
    out = []
    async for item in agen(3):
        out.append(item)
    return out

print(run(consume()))

g = agen(2)
print(type(g).__name__, g.__name__, g.__qualname__, repr(g).startswith("<async_generator object agen at"))
print(g.__aiter__() is g, g.ag_running, g.ag_await, g.ag_code is agen.__code__)
print(bool(agen.__code__.co_flags & 0x200))

# Drive __anext__ awaitables by hand.
aw = g.__anext__()
print(type(aw).__name__)
print(aw.send(None))
try:
    aw.send("reply")
except StopIteration as e:
    print("anext value", e.value)
try:
    aw.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

async def simple():
    yield 1
    yield 2

async def collect(ag):
    return [x async for x in ag]

print(run(collect(simple())))

# asend delivers a value to the yield expression.
async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    finally:
        print("echo finally", received)

async def talk():
    e = echo()
    print(await e.__anext__())
    print(await e.asend("a"))
    print(await e.asend("b"))
    await e.aclose()
    try:
        await e.__anext__()
    except StopAsyncIteration:
        print("closed: StopAsyncIteration")

run(talk())

# athrow: the generator may handle the exception and yield again.
async def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield "caught " + str(e)
            return

async def throw_in():
    c = catcher()
    print(await c.__anext__())
    print(await c.athrow(ValueError("bad")))
    try:
        await c.__anext__()
    except StopAsyncIteration:
        print("finished")
    try:
        await c.athrow(KeyError)
    except StopAsyncIteration:
        print("athrow on finished: StopAsyncIteration")

run(throw_in())

# Exceptions from the body propagate to the async for.
async def failing():
    yield 1
    raise LookupError("oops")

async def loop_fail():
    got = []
    try:
        async for x in failing():
            got.append(x)
    except LookupError as e:
        return got, str(e)

print(run(loop_fail()))

# StopAsyncIteration raised in the body becomes RuntimeError.
async def bad_stop():
    yield 1
    raise StopAsyncIteration

async def loop_bad():
    try:
        async for x in bad_stop():
            pass
    except RuntimeError as e:
        return "RuntimeError: " + str(e)

print(run(loop_bad()))

# break out of async for leaves the generator suspended; aclose runs finally.
async def with_finally():
    try:
        for i in range(10):
            yield i
    finally:
        print("with_finally cleanup")

async def early_break():
    ag = with_finally()
    async for x in ag:
        if x == 2:
            break
    print("broke at", x)
    await ag.aclose()
    return "ok"

print(run(early_break()))

# Ignoring GeneratorExit in aclose is an error.
async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def close_stubborn():
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

run(close_stubborn())

# Async generator expressions.
async def genexp():
    squares = (x * y async for x, y in agen(3))
    print(type(squares).__name__)
    return [v async for v in squares]

print(run(genexp()))

# return with a value is a SyntaxError in an async generator.
try:
    compile("async def f():\n    yield 1\n    return 2\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
