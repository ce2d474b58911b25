# async for: __aiter__/__anext__, StopAsyncIteration ends the loop.

class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        yield self.tag

class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Suspend("tick %d" % self.i)
        return self.i

def run(coro):
    while True:
        try:
            tag = coro.send(None)
            print("  [driver]", tag)
        except StopIteration as e:
            return e.value

async def total(n):
    s = 0
    async for x in Counter(n):
        s += x
    else:
        print("else ran")
    return s

print(run(total(3)))

async def with_break():
    async for x in Counter(10):
        if x == 2:
            continue
        if x == 4:
            break
        print("item", x)
    else:
        print("not reached")
    return "broke"

print(run(with_break()))

async def unpack():
    out = []
    async for a, (b, c) in Pairs():
        out.append(a + b + c)
    return out

class Pairs:
    def __init__(self):
        self.items = [(1, (2, 3)), (4, (5, 6))]
    def __aiter__(self):
        return self
    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)

print(run(unpack()))

async def nested_return():
    async for x in Counter(3):
        async for y in Counter(3):
            if x * y == 4:
                return (x, y)

print(run(nested_return()))

# StopAsyncIteration raised by the body is not swallowed by the loop.
async def body_raises():
    try:
        async for x in Counter(2):
            raise StopAsyncIteration("from body")
    except StopAsyncIteration as e:
        return "escaped: " + str(e)

print(run(body_raises()))

# Other exceptions from __anext__ propagate.
class Broken:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise ValueError("broken")

async def broken():
    try:
        async for x in Broken():
            pass
    except ValueError as e:
        return "caught " + str(e)

print(run(broken()))

async def not_aiter():
    async for x in [1, 2]:
        pass

try:
    run(not_aiter())
except TypeError as e:
    print("TypeError:", e)

class NoAnext:
    def __aiter__(self):
        return self

async def no_anext():
    async for x in NoAnext():
        pass

try:
    run(no_anext())
except TypeError as e:
    print("TypeError:", e)

class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5

async def bad_anext():
    async for x in BadAnext():
        pass

try:
    run(bad_anext())
except TypeError as e:
    print("TypeError:", e)
