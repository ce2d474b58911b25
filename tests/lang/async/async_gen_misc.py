# Dropping a suspended async generator closes it; async genexps anywhere.
import dis
async def ag():
    try:
        yield 1
        yield 2
    finally:
        print("finally on drop")
g = ag()
a = g.__anext__()
try:
    a.send(None)
except StopIteration as e:
    print("first", e.value)
del a
del g
print("dropped")
print([l for l in dis.code_info(ag).splitlines() if l.startswith("Flags")])
squares = (x async for x in ag())
print(type(squares).__name__)
squares.aclose().close()
def f():
    return (await x for x in y)
print(type(f).__name__)
