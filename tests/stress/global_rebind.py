"""LOAD_GLOBAL's cache under rebinding: half the threads keep rebinding a
global to freshly made functions, containers and classes (the old ones die
and are freed by deferred-count passes) while the other half keep reading
them through LOAD_GLOBAL. Every value read is whole and consistent."""
import time
from _stress import args, run, until

N, SECONDS = args()
WRITERS = max(1, N // 2)


def target(x):
    return x


table = (0, [0, 0])
Kind = type("Kind0", (), {"n": 0})


def writer(i):
    global target, table, Kind
    deadline, n = until(SECONDS), 0
    while time.monotonic() < deadline:
        n += 1
        ns = {}
        exec("def target(x):\n    return x + %d\n" % (n % 7), ns)
        target = ns["target"]
        table = (n, [n, n * 2])
        Kind = type("Kind%d" % n, (), {"n": n})
    return n


def reader(i):
    deadline, n = until(SECONDS), 0
    while time.monotonic() < deadline:
        r = target(10)
        assert 10 <= r < 17, "target returned %r" % r
        k, lst = table
        assert lst == [k, k * 2], "table torn: %r %r" % (k, lst)
        c = Kind
        assert c.__name__ == "Kind%d" % c.n, "class %r has n=%r" % (c.__name__, c.n)
        n += 1
    return n


results = run(N, lambda i: writer(i) if i < WRITERS else reader(i))
assert all(r > 0 for r in results), results
print("OK global_rebind threads=%d writes=%d reads=%d"
      % (N, sum(results[:WRITERS]), sum(results[WRITERS:])))
