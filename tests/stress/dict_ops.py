"""Shared dict set/get/delete/resize: each thread owns a key range (inserts a
batch, deletes two thirds, so the table grows and shrinks) and all threads
overwrite a few shared keys. Final contents exact; shared values valid."""
import time
from _stress import args, run, until

N, SECONDS = args()
SHARED = ["s%d" % k for k in range(16)]
d = {}


def worker(i):
    deadline = until(SECONDS)
    kept = {}
    writes = 0
    base = 0
    while time.monotonic() < deadline:
        keys = [(i, base + k) for k in range(120)]
        base += 120
        for k in keys:
            d[k] = k[1] * 7
            assert d[k] == k[1] * 7, "own key %r read back %r" % (k, d.get(k))
            assert k in d and d.get(k, -1) == k[1] * 7
        for n, k in enumerate(keys):
            if n % 3:
                del d[k]
                assert k not in d and d.get(k) is None
            else:
                kept[k] = k[1] * 7
        for s in SHARED:
            d[s] = (i, writes)
            writes += 1
            v = d[s]
            assert type(v) is tuple and len(v) == 2 and 0 <= v[0] < N, "bad shared value %r" % (v,)
        if len(kept) > 4000:            # bound memory on long runs
            for k in list(kept)[:40]:
                del d[k]
                del kept[k]
        len(d)
    return kept, writes


results = run(N, worker)
expected = {}
for kept, writes in results:
    expected.update(kept)
for s in SHARED:
    tid, seq = d.pop(s)
    assert seq < results[tid][1], "shared %s holds unwritten value %r" % (s, (tid, seq))
if d != expected:
    missing = [k for k in expected if k not in d][:5]
    extra = [k for k in d if k not in expected][:5]
    wrong = [k for k in expected if k in d and d[k] != expected[k]][:5]
    raise AssertionError("dict contents differ: missing %r extra %r wrong %r" % (missing, extra, wrong))
print("OK dict_ops threads=%d keys=%d shared_writes=%d"
      % (N, len(d), sum(w for _, w in results)))
