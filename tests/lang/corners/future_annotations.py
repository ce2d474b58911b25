# from __future__ import annotations: annotations are kept as strings and
# never evaluated (names need not exist), with CPython's exact text.
from __future__ import annotations

def f(x: int | None, *a: Undefined[int], k: list[str] = None, **kw: dict) -> Missing.attr:
    return x

print(f.__annotations__)
print(f(3))

class C:
    a: int
    b: Foo | None = None
    c: "quoted"
    d: lambda: 1 if True else 2
    e: dict[str, list[tuple[int, ...]]]

print(C.__annotations__, C.b)

x: NotDefined[1:2, ...] = 5
y: Callable[[int, str], Awaitable[None]]
print(__annotations__, x)

def g():
    local: Nope = 1
    return local

print(g())

def h(a: (x + y) * z, b: x + y * z, c: -x ** -y, d: (-x) ** y, e: a - (b - c),
      f: not a and (b or c), g: a < b is not c, h: x if y else z, i: call(a, *b, k=1, **d),
      j: {1: 2, **d}, k: {1, 2}, l: [i for i in r if i], m: (1,), n: (), o: 1 .real,
      p: 'it\'s', q: b"\x00", r: 1e400, s: 0x1F, t: 1_000, u: t[1,], v: t[()],
      w: ~a & b ^ c | d, x2: None if False else ..., y2: a[b][c].d(e)[f:]):
    pass

for name, text in h.__annotations__.items():
    print(name, "=", text)

async def co(a: Future[int]) -> Coroutine[None, None, int]:
    return 1

print(co.__annotations__)

for src in ["from __future__ import nope", "from __future__ import braces",
            "x = 1\nfrom __future__ import annotations",
            "from __future__ import annotations, generator_stop"]:
    try:
        compile(src, "<src>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)

def fs(a: f"x{y}z", b: f'{a!r:>{w}} {{lit}} "q"', c: f"{ {1: 2}[1] }", d: f"{x:%Y-%m}",
       e: f"it's {x!s}", g: f"{(lambda: 1)()}", h: f"{a + b * c:{w}.{p}f}"):
    pass

for name, text in fs.__annotations__.items():
    print(name, "=", text)
