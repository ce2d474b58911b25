# throw() and close() on coroutines, exceptions through await chains.

class Suspend:
    def __await__(self):
        return (yield "suspended")

async def inner():
    try:
        v = await Suspend()
        print("inner resumed with", v)
    except ValueError as e:
        print("inner caught", repr(e))
        return "handled"
    finally:
        print("inner finally")
    return "normal"

async def outer():
    r = await inner()
    print("outer got", r)
    return r.upper()

c = outer()
print(c.send(None))
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print("done", e.value)

c = outer()
c.send(None)
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))

c = outer()
c.send(None)
c.close()
print("closed", c.cr_frame)

async def stubborn():
    try:
        await Suspend()
    except GeneratorExit:
        await Suspend()

c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)

async def raises():
    raise ZeroDivisionError("zd")

try:
    raises().send(None)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

async def stop():
    raise StopIteration(1)

try:
    stop().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

# Exceptions from an awaited coroutine can be caught by the awaiting one.
async def failing():
    await Suspend()
    raise LookupError("missing")

async def catcher():
    try:
        await failing()
    except LookupError as e:
        return "caught " + str(e)

c = catcher()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)

# throw with a type and a value.
c = outer()
c.send(None)
try:
    c.throw(ValueError, "v")
except StopIteration as e:
    print("done", e.value)
