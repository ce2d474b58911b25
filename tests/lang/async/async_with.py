# async with: __aenter__/__aexit__ awaited, exceptions passed to __aexit__.

class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        yield self.tag

class Res:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await Suspend("enter " + self.name)
        print("enter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await Suspend("exit " + self.name)
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress

def run(coro):
    while True:
        try:
            tag = coro.send(None)
            print("  [driver]", tag)
        except StopIteration as e:
            return e.value

async def plain():
    async with Res("a") as x:
        print("body", x)
    return "plain done"

print(run(plain()))

async def nested():
    async with Res("a") as x, Res("b") as y:
        print("body", x, y)
    async with Res("c"):
        print("no target")

run(nested())

async def suppressed():
    async with Res("s", suppress=True):
        raise ValueError("inside")
    return "after suppressed"

print(run(suppressed()))

async def propagated():
    try:
        async with Res("p"):
            raise KeyError("k")
    except KeyError as e:
        return "caught " + repr(e)

print(run(propagated()))

async def early_return():
    for i in range(3):
        async with Res("r%d" % i):
            if i == 1:
                return "returned at 1"
            continue

print(run(early_return()))

async def brk():
    while True:
        async with Res("w"):
            break
    return "broke"

print(run(brk()))

class NotAsync:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass

async def wrong():
    async with NotAsync():
        pass

try:
    run(wrong())
except TypeError as e:
    print("TypeError:", e)

class BadEnter:
    def __aenter__(self):
        return 1
    async def __aexit__(self, *a):
        pass

async def wrong2():
    async with BadEnter():
        pass

try:
    run(wrong2())
except TypeError as e:
    print("TypeError:", e)
