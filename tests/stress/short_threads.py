"""10,000 short-lived threads per second of duration (at most `threads`
alive at a time), each appending its number to a shared list: the count and
contents are exact, and every thread is gone after join."""
import threading
from _stress import args

N, SECONDS = args()
TOTAL = max(N, int(10000 * SECONDS))
out = []


def body(k):
    out.append(k)


started = 0
while started < TOTAL:
    batch = [threading.Thread(target=body, args=(k,)) for k in range(started, min(TOTAL, started + N))]
    for t in batch:
        t.start()
    for t in batch:
        t.join()
        assert not t.is_alive()
    started += len(batch)
assert threading.active_count() == 1, "%d threads still alive" % threading.active_count()
assert len(out) == TOTAL, "got %d appends from %d threads" % (len(out), TOTAL)
assert sorted(out) == list(range(TOTAL)), "appends lost or duplicated"
print("OK short_threads threads=%d total=%d" % (N, TOTAL))
