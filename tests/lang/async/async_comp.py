# Comprehensions inside async def: await in the element or condition, and
# `async for` clauses. Each such comprehension is itself awaited.

class Suspend:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        return (yield self.v)

class ARange:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return await Suspend(self.i - 1)

def run(coro):
    sent = None
    steps = 0
    while True:
        try:
            sent = coro.send(sent)
            steps += 1
        except StopIteration as e:
            return e.value, steps

async def double(x):
    return 2 * await Suspend(x)

async def main():
    a = [await double(x) for x in range(4)]
    b = {x: await double(x) for x in range(3) if await Suspend(x % 2 == 0)}
    c = {await double(x) for x in [1, 1, 2]}
    d = [x async for x in ARange(5) if x != 2]
    e = [(x, y) async for x in ARange(2) for y in range(2)]
    f = [[await double(y) for y in range(x)] for x in range(3)]
    g = [x * y for x in range(2) async for y in ARange(3)]
    return a, b, c, d, e, f, g

print(run(main()))

async def scoping():
    x = "outer"
    r = [x async for x in ARange(2)]
    return r, x

print(run(scoping()))
