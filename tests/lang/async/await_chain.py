# await on coroutines and on user awaitables (__await__), driven by a tiny
# hand-written scheduler (no event loop needed).

class Suspend:
    """Yields itself to the driver once, then returns the value sent back."""
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return got

async def leaf(n):
    got = await Suspend("leaf%d" % n)
    return n * 10 + got

async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return a + b

async def top():
    total = await middle()
    print("total", total)
    return total

def run(coro):
    value = None
    step = 0
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return e.value
        print("driver got", req)
        step += 1
        value = step

print("result", run(top()))

# cr_await shows what a suspended coroutine waits on.
c = middle()
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_await.cr_await is not None)
print(c.cr_suspended if hasattr(c, "cr_suspended") else True)
c.close()
print(c.cr_await)

# Awaiting something that is not awaitable.
async def bad():
    await 3

try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)

class BadAwait:
    def __await__(self):
        return 42

async def bad2():
    await BadAwait()

try:
    bad2().send(None)
except TypeError as e:
    print("TypeError:", e)

# A coroutine awaited twice.
async def simple():
    return 1

async def twice():
    c = simple()
    await c
    await c

try:
    run(twice())
except RuntimeError as e:
    print("RuntimeError:", e)

# __await__ implemented by delegating to a coroutine.
class Deleg:
    def __await__(self):
        return leaf(7).__await__()

async def use_deleg():
    return await Deleg()

print("deleg", run(use_deleg()))
w = simple().__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper value", e.value)

# await in expressions.
async def expr():
    x = [await simple(), (await simple()) + 1, -await simple()]
    d = {await simple(): await leaf(0)}
    return x, d

print(run(expr()))
