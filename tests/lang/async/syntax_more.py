# More misplaced or unusual async syntax, compiled and compared with CPython.
srcs = ["async", "async x", "await", "async def f(): await", "async lambda: 1", "async def f():\n  async while x: pass",
        "async def f(): [await x async for x in (await y for y in z)]", "async def f():\n  async with a, await b as c: pass",
        "async def f():\n  async for x in y:\n    break\n  else:\n    continue", "def f():\n  (await x for x in y)",
        "class C:\n  [await x for x in y]", "async def f():\n  nonlocal x", "async def f(x=await y): pass",
        "async def f():\n  def g(x=await y): pass", "async def f():\n  class C(await b): pass", "async def f():\n  return (yield)",
        "async def f():\n  x = yield\n  return", "async def f():\n  lambda: (yield)", "await = 1", "async def await(): pass",
        "async def f():\n  async with x:\n    yield\n    return", "async def f():\n  return [(yield) for x in y]"]
for s in srcs:
    try:
        compile(s, "<s>", "exec")
        print("ok", repr(s))
    except SyntaxError as e:
        print("SyntaxError", repr(s), e.msg)
