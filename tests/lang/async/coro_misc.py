# Decorated async methods, f-strings with await, exception state across
# suspension points, deep await chains.
class S:
    def __await__(self):
        return (yield 5)
def run(c):
    v = None
    while True:
        try:
            v = c.send(v)
        except StopIteration as e:
            return e.value
def deco(f):
    f.tagged = True
    return f
class K:
    @deco
    async def m(self, x):
        return f"got {await S()} and {x!r:>5}"
    @property
    def p(self):
        return self.m(1)
k = K()
print(run(k.m("a")), K.m.tagged, run(k.p))
async def lam():
    fs = [lambda i=i: i for i in range(3)]
    return [f() for f in fs], await S() if True else 0
print(run(lam()))
async def exc_ctx():
    try:
        raise KeyError(1)
    except KeyError:
        await S()
        import sys
        return repr(sys.exc_info()[1])
print(run(exc_ctx()))
import sys
async def exc_outside():
    await S()
    return sys.exc_info()
c = exc_outside()
c.send(None)
try:
    raise ValueError(2)
except ValueError:
    try:
        c.send(None)
    except StopIteration as e:
        print(e.value[0])
async def deep(n):
    if n == 0:
        return await S()
    return await deep(n - 1)
print(run(deep(200)))
