# Coroutine objects driven by hand: send(None) until StopIteration.

async def add(a, b):
    return a + b

c = add(2, 3)
print(type(c).__name__)
print(c.__name__, c.__qualname__)
print(repr(c).startswith("<coroutine object add at 0x"))
print(c.cr_running, c.cr_await, c.cr_frame is not None, c.cr_code is add.__code__)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value, e.args)
print(c.cr_frame)

# Reusing a finished coroutine is an error, unlike a generator.
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# Not iterable.
c = add(1, 1)
try:
    iter(c)
except TypeError as e:
    print("TypeError:", e)

try:
    for _ in c:
        pass
except TypeError as e:
    print("TypeError:", e)
c.close()


class Box:
    async def get(self, x):
        return [x, x]

c = Box().get(4)
print(c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)

# Sending a value to a just-started coroutine.
c = add(1, 2)
try:
    c.send(5)
except TypeError as e:
    print("TypeError:", e)
c.close()

# Closing a coroutine that never ran, then sending.
c = add(1, 2)
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# async def without return gives None.
async def nothing():
    pass

try:
    nothing().send(None)
except StopIteration as e:
    print("value", e.value)

# Flags on the code object.
print(bool(add.__code__.co_flags & 0x80), bool(add.__code__.co_flags & 0x20))
print(type(add).__name__, add.__name__)
