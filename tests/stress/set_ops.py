"""Shared set add/discard: disjoint element ranges per thread (final contents
exact, bounded by retiring the oldest) plus shared elements every thread adds and discards (may end either
way, but nothing else appears)."""
import time
from _stress import args, run, until

N, SECONDS = args()
SHARED = frozenset(-k - 1 for k in range(32))
s = set()


def worker(i):
    deadline = until(SECONDS)
    kept = []
    base = 0
    while time.monotonic() < deadline:
        batch = [(base + k) * N + i for k in range(100)]
        base += 100
        for x in batch:
            s.add(x)
            assert x in s, "own element %d vanished" % x
        for n, x in enumerate(batch):
            if n % 2:
                s.discard(x)
                assert x not in s
            else:
                kept.append(x)
        for x in SHARED:
            if (x + i) % 2:
                s.add(x)
            else:
                s.discard(x)
        if len(kept) > 4000:            # bound memory on long runs
            for x in kept[:50]:
                s.remove(x)
            del kept[:50]
        len(s)
    return kept


results = run(N, worker)
expected = set()
for kept in results:
    expected.update(kept)
left_shared = s & SHARED
rest = s - SHARED
if rest != expected:
    raise AssertionError("set contents differ: missing %r extra %r"
                         % (sorted(expected - rest)[:5], sorted(rest - expected)[:5]))
print("OK set_ops threads=%d elements=%d shared_left=%d" % (N, len(rest), len(left_shared)))
