"""Lock-free reads racing with resizes: readers look values up in a shared
dict and index a shared list while writers replace those values with fresh
tuples and force the dict's table and the list's array to be rebuilt
(grow, shrink). A value read must be one that was stored under that key or
index, never another object that happens to live at the same address (a
retired table or array still holds pointers to objects that died since)."""
import time
from _stress import args, run, until

N, SECONDS = args()
KEYS = 64
table = {k: (k, 0) for k in range(KEYS)}
row = [(k, 0) for k in range(KEYS)]


def writer(i, deadline):
    n = 0
    while time.monotonic() < deadline:
        n += 1
        for k in range(i % 2, KEYS, 2):
            table[k] = (k, n)
            row[k] = (k, n)
        # grow then shrink: both rebuild the dict's table and the list's array
        for j in range(200):
            table[("pad", i, j)] = j
            row.append((-1, j))
        for j in range(200):
            del table[("pad", i, j)]
            row.pop()
    return n, 0


def reader(i, deadline):
    reads = bad = 0
    while time.monotonic() < deadline:
        for k in range(KEYS):
            v = table[k]
            w = row[k]
            reads += 1
            if type(v) is not tuple or len(v) != 2 or v[0] != k:
                bad += 1
            if type(w) is not tuple or len(w) != 2 or w[0] != k:
                bad += 1
    return reads, bad


def worker(i):
    deadline = until(SECONDS)
    return writer(i, deadline) if i % 2 == 0 else reader(i, deadline)


results = run(max(N, 2), worker)
bad = sum(r[1] for i, r in enumerate(results) if i % 2)
assert bad == 0, "%d reads returned an object never stored there" % bad
assert len(row) == KEYS and all(table[k][0] == k and row[k][0] == k for k in range(KEYS))
print("OK retired_tables threads=%d rounds=%d reads=%d"
      % (max(N, 2), sum(r[0] for i, r in enumerate(results) if i % 2 == 0),
         sum(r[0] for i, r in enumerate(results) if i % 2)))
