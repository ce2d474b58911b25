"""Allocation while others free (no __del__ anywhere): threads keep replacing
the objects in a shared table of slots, so each new object frees one that
another thread made; every object read from a slot must be intact."""
import time
from _stress import args, run, until

N, SECONDS = args()
SLOTS = 64


class Pt:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x
        self.y = -x


class Rec:
    def __init__(self, x):
        self.x = x
        self.tag = "r%d" % x


def make(x):
    kind = x % 5
    if kind == 0:
        return [x, x + 1, x + 2]
    if kind == 1:
        return {"x": x, "s": str(x)}
    if kind == 2:
        return Pt(x)
    if kind == 3:
        return Rec(x)
    return (x, str(x), (x,) * 2)


def valid(o):
    t = type(o)
    if t is list:
        return len(o) == 3 and o[1] == o[0] + 1 and o[2] == o[0] + 2
    if t is dict:
        return o["s"] == str(o["x"])
    if t is Pt:
        return o.y == -o.x
    if t is Rec:
        return o.tag == "r%d" % o.x
    return t is tuple and o[1] == str(o[0]) and o[2] == (o[0], o[0])


table = [make(k) for k in range(SLOTS)]


def worker(i):
    deadline = until(SECONDS)
    n = bad = 0
    while time.monotonic() < deadline:
        for _ in range(100):
            n += 1
            x = n * N + i
            table[x % SLOTS] = make(x)          # frees what another thread made
            o = table[(x * 7 + 3) % SLOTS]
            if not valid(o):
                bad += 1
            garbage = [make(x + k) for k in range(4)]   # short-lived, freed locally
            del garbage
    return n, bad


results = run(N, worker)
bad = sum(r[1] for r in results)
assert bad == 0, "%d corrupted objects read" % bad
assert all(valid(o) for o in table), "table holds corrupted objects"
print("OK churn threads=%d replacements=%d" % (N, sum(r[0] for r in results)))
