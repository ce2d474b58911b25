"""Shared list append/insert/pop/index/getitem from every thread: no item is
lost or duplicated (remaining + popped == pushed, as multisets)."""
import time
from _stress import args, run, until

N, SECONDS = args()
shared = []


def worker(i):
    deadline = until(SECONDS)
    pushed = popped = 0
    got = []
    bad_reads = 0
    while time.monotonic() < deadline:
        for _ in range(50):
            item = pushed * N + i          # unique over all threads
            pushed += 1
            if pushed % 3:
                shared.append(item)
            else:
                shared.insert(pushed % 7, item)
            if pushed % 2 == 0 or len(shared) > 5000:   # bound its length
                try:
                    got.append(shared.pop())
                except IndexError:
                    pass
            try:
                x = shared[-1 - pushed % 5]
                if not isinstance(x, int) or x < 0:
                    bad_reads += 1
                shared.index(x)            # may have been popped since
            except (IndexError, ValueError):
                pass
    return pushed, got, bad_reads


results = run(N, worker)
expected = []
popped = []
for i, (pushed, got, bad) in enumerate(results):
    assert bad == 0, "thread %d read %d non-items" % (i, bad)
    expected.extend(k * N + i for k in range(pushed))
    popped.extend(got)
final = sorted(shared + popped)
expected.sort()
if final != expected:
    missing = sorted(set(expected) - set(final))[:10]
    extra = len(final) - len(expected)
    raise AssertionError("list lost/duplicated items: len %d vs %d, missing %r"
                         % (len(final), len(expected), missing) + " extra=%d" % extra)
print("OK list_ops threads=%d pushed=%d popped=%d remaining=%d"
      % (N, len(expected), len(popped), len(shared)))
