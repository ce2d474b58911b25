"""An unlocked `counter += 1` on a global next to a locked one. The unlocked
counter's lost updates are a MEASUREMENT (printed, never a failure: `+=` on a
global is a read, an add and a store, not atomic in any build); the locked
counter must be exact, and the unlocked one can never exceed the total."""
import threading
import time
from _stress import args, run, until

N, SECONDS = args()
unlocked = 0
locked = 0
lock = threading.Lock()


def worker(i):
    global unlocked, locked
    deadline = until(SECONDS)
    n = 0
    while time.monotonic() < deadline:
        for _ in range(1000):
            unlocked += 1
            with lock:
                locked += 1
        n += 1000
    return n


total = sum(run(N, worker))
assert locked == total, "locked counter %d, expected %d" % (locked, total)
assert 0 < unlocked <= total, "unlocked counter %d out of range (total %d)" % (unlocked, total)
lost = total - unlocked
print("OK counters threads=%d total=%d locked=%d unlocked=%d lost_updates=%d (%.3f%%)"
      % (N, total, locked, unlocked, lost, 100.0 * lost / total))
