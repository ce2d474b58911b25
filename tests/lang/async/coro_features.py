# async def works with the rest of the language: closures, defaults,
# decorators, methods, super(), try/finally, recursion, generators inside.

class Suspend:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        return (yield self.v)

def run(coro, log=None):
    sent = None
    while True:
        try:
            got = coro.send(sent)
        except StopIteration as e:
            return e.value
        if log is not None:
            log.append(got)
        sent = got

def make_adder(k):
    async def add(x, *rest, scale=1, **kw):
        total = (x + sum(rest) + k) * scale
        return total, sorted(kw)
    return add

print(run(make_adder(10)(1, 2, 3, scale=2, z=1, a=2)))

def traced(fn):
    async def wrapper(*args):
        print("calling", fn.__name__, args)
        r = await fn(*args)
        print("returned", r)
        return r
    wrapper.__name__ = fn.__name__
    return wrapper

@traced
async def square(x):
    return x * await Suspend(x)

print(run(square(7)), square.__name__)

class Base:
    async def describe(self):
        return ["Base"]
    @staticmethod
    async def st(x):
        return x + 1
    @classmethod
    async def cm(cls):
        return cls.__name__

class Child(Base):
    async def describe(self):
        return ["Child"] + await super().describe()

print(run(Child().describe()), run(Child.st(1)), run(Child.cm()))

async def fact(n):
    if n <= 1:
        return 1
    return n * await fact(n - 1)

print(run(fact(20)))

async def with_finally(log):
    try:
        try:
            await Suspend("in try")
            return "from try"
        finally:
            log.append(await Suspend("in finally"))
    finally:
        log.append("outer finally")

log = []
print(run(with_finally(log), log), log)

async def precedence():
    a = await Suspend(2) ** 2
    b = -await Suspend(3)
    c = not await Suspend(0)
    d = [await Suspend(i) for i in range(1)] if False else None
    return a, b, c, d

print(run(precedence()))

async def uses_generator():
    def gen():
        yield from range(3)
    out = []
    for v in gen():
        out.append(await Suspend(v * 2))
    return out, [x * 3 for x in await Suspend([1, 2])]

print(run(uses_generator()))

async def nonlocal_counter():
    count = 0
    async def bump():
        nonlocal count
        count += await Suspend(1)
    for _ in range(4):
        await bump()
    return count

print(run(nonlocal_counter()))

# A suspended coroutine that is dropped runs its finally block.
async def cleanup():
    try:
        await Suspend("x")
    finally:
        print("cleanup ran")

c = cleanup()
c.send(None)
del c
print("after del")

# Coroutines are driven one step at a time: interleave two of them.
async def worker(name, n):
    for i in range(n):
        await Suspend((name, i))
    return name + " done"

tasks = [worker("a", 2), worker("b", 3)]
results = {}
while tasks:
    for t in list(tasks):
        try:
            print("step", t.send(None))
        except StopIteration as e:
            results[t.__name__ + str(len(results))] = e.value
            tasks.remove(t)
print(sorted(results.values()))
