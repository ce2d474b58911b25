"""Deferred (per-thread) reference counting under churn: every thread keeps
making objects that use it (top-level functions through exec, classes,
module-level containers), hands them to the others through a shared dict,
and calls and drops them, while the passes that free the dead ones stop
the world again and again. Nothing is freed early: every object read back
still works and gives the right answer."""
import threading
import time
from _stress import args, run, until

N, SECONDS = args()
shared = {}                      # slot -> (function, class, list) of some thread
lock = threading.Lock()


def base_add(x):
    return x + 1


class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return base_add(self.v)


def make(i, n):
    ns = {}
    exec("def f(x):\n    return x * %d + %d\n" % (i + 2, n), ns)
    cls = type("C%d_%d" % (i, n), (Base,), {"tag": n})
    return ns["f"], cls, [n, i, (n, i)]


def check(slot, item):
    f, cls, data = item
    n, i = data[0], data[1]
    assert data == [n, i, (n, i)], "data of %r corrupted: %r" % (slot, data)
    assert f(3) == 3 * (i + 2) + n, "function of %r wrong" % (slot,)
    obj = cls(n)
    assert obj.get() == n + 1 and cls.tag == n, "class of %r wrong" % (slot,)


def worker(i):
    deadline, n, checked = until(SECONDS), 0, 0
    while time.monotonic() < deadline:
        shared[(i, n % 8)] = make(i, n)
        n += 1
        for slot in list(shared):
            item = shared.get(slot)
            if item is not None:
                check(slot, item)
                checked += 1
        if n % 16 == 0:
            shared.pop((i, (n + 3) % 8), None)
    return checked


results = run(N, worker)
assert all(r > 0 for r in results), results
print("OK deferred threads=%d checked=%d" % (N, sum(results)))
