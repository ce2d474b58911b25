"""Attribute writes and reads on one shared instance: every read of a shared
attribute returns one of the written values; per-thread attributes (which
grow and shrink the instance dict) end exactly as their owner left them."""
import time
from _stress import args, run, until

N, SECONDS = args()
VALUES = (0, "str", (1, 2), None, 2 ** 70, 1.5, frozenset([3]))


class Shared:
    def __init__(self):
        self.a = VALUES[0]
        self.b = VALUES[1]


obj = Shared()


def worker(i):
    deadline = until(SECONDS)
    bad = []
    n = 0
    while time.monotonic() < deadline:
        for _ in range(100):
            n += 1
            obj.a = VALUES[n % len(VALUES)]
            setattr(obj, "b", VALUES[(n + i) % len(VALUES)])
            for v in (obj.a, getattr(obj, "b")):
                if v not in VALUES and len(bad) < 5:
                    bad.append(v)
            name = "t%d_%d" % (i, n % 40)
            if hasattr(obj, name):
                assert getattr(obj, name) == n - 40, "own attr %s stale" % name
                delattr(obj, name)
            setattr(obj, name, n)
    return n, bad


results = run(N, worker)
for i, (n, bad) in enumerate(results):
    assert not bad, "thread %d read unwritten values %r" % (i, bad)
    for m in range(n - 39, n + 1):
        name = "t%d_%d" % (i, m % 40)
        assert getattr(obj, name) == m, "attr %s is %r, want %d" % (name, getattr(obj, name, None), m)
assert obj.a in VALUES and obj.b in VALUES
assert len(vars(obj)) == 2 + 40 * N, "instance dict has %d entries" % len(vars(obj))
print("OK attr_ops threads=%d writes=%d" % (N, sum(r[0] for r in results)))
