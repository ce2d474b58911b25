"""Iterate a shared list, dict and set while other threads mutate them. List
iteration must never raise; dict/set iteration may raise RuntimeError
("changed size during iteration"), which is counted, never a failure. Every
value seen must be one that was stored."""
import time
from _stress import args, run, until

N, SECONDS = args()
lst = list(range(100))
d = {k: k for k in range(100)}
s = set(range(100))


def mutator(i, deadline):
    n = 0
    while time.monotonic() < deadline:
        for k in range(100, 200):
            lst.append(k)
            d[k * N + i] = k
            s.add(k * N + i)
            n += 1
        for k in range(100, 200):
            lst.pop()
            del d[k * N + i]
            s.discard(k * N + i)
    return 0, n


def iterator(i, deadline):
    errors = bad = 0
    while time.monotonic() < deadline:
        for x in lst:
            if not 0 <= x < 200:
                bad += 1
        for src in (d, s, d.items()):
            try:
                for x in src:
                    if type(x) is tuple:
                        x = x[0]
                    if x < 0 or (x >= 100 and x // N >= 200):
                        bad += 1
            except RuntimeError:
                errors += 1
        bad += sum(1 for x in list(lst) if x >= 200) + sum(1 for k, v in list(d.items()) if k != v and k // N != v)
    return errors, bad


def worker(i):
    deadline = until(SECONDS)
    return mutator(i, deadline) if i % 2 == 0 else iterator(i, deadline)


results = run(max(N, 2), worker)
runtime_errors = sum(r[0] for i, r in enumerate(results) if i % 2)
bad = sum(r[1] for i, r in enumerate(results) if i % 2)
assert bad == 0, "%d invalid values seen while iterating" % bad
assert lst == list(range(100)), "list ended as %r..." % lst[:10]
assert d == {k: k for k in range(100)} and s == set(range(100)), "dict/set not restored"
print("OK iter_mutate threads=%d runtime_errors=%d" % (max(N, 2), runtime_errors))
