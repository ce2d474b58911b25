# Misplaced await / async constructs are SyntaxErrors, as in CPython.
cases = [
    "await x",
    "def f():\n    await x\n",
    "def f():\n    return lambda: await x\n",
    "async def f():\n    yield from g()\n",
    "def f():\n    async for x in y:\n        pass\n",
    "def f():\n    async with y:\n        pass\n",
    "async for x in y:\n    pass\n",
    "async with y:\n    pass\n",
    "async def f():\n    class C:\n        await x\n",
    "[await x for x in y]",
    "def f():\n    return [x async for x in y]\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(e.msg, e.lineno)

# These are fine.
ok = [
    "async def f():\n    await x\n",
    "async def f():\n    async for a in b:\n        await a\n",
    "async def f():\n    async with a as b, c:\n        return await b\n",
    "async def f():\n    def g():\n        return 1\n    return g()\n",
    "async def f():\n    return [x for x in await y]\n",
    "class C:\n    async def m(self):\n        return await self.n()\n",
]
for src in ok:
    compile(src, "<ok>", "exec")
print("ok")
