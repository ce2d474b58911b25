# dis knows the coroutine opcodes and flags.
import dis

async def f(a):
    async with a as b:
        async for x in b:
            await x

def g():
    yield 1

names = {i.opname for i in dis.get_instructions(f)}
for op in ["GET_AWAITABLE", "BEFORE_ASYNC_WITH", "GET_AITER", "GET_ANEXT", "END_ASYNC_FOR"]:
    print(op, op in names)
print(f.__code__.co_flags, hex(f.__code__.co_flags & 0x80), hex(g.__code__.co_flags & 0x20))
for line in dis.code_info(f).splitlines():
    if line.startswith(("Name:", "Flags:", "Argument count:")):
        print(line)
