"""Lock, RLock and Semaphore correctness: a counter updated with a
read-yield-write under Lock and under a re-entered RLock is exact, and no
more than K threads are ever inside a Semaphore(K) (or BoundedSemaphore)."""
import threading
import time
from _stress import args, run, until

N, SECONDS = args()
K = max(1, N // 2)
lock = threading.Lock()
rlock = threading.RLock()
sem = threading.BoundedSemaphore(K)
inside_lock = threading.Lock()
state = {"lock": 0, "rlock": 0, "inside": 0, "max_inside": 0}


def worker(i):
    deadline = until(SECONDS)
    n = 0
    while time.monotonic() < deadline:
        for _ in range(20):
            n += 1
            with lock:
                v = state["lock"]
                if n % 64 == 0:
                    time.sleep(0)           # invite a switch inside the lock
                state["lock"] = v + 1
            with rlock:
                with rlock:                               # re-entry
                    v = state["rlock"]
                    state["rlock"] = v + 1
            assert lock.acquire(timeout=30), "Lock.acquire timed out"
            assert lock.locked()
            lock.release()
            with sem:
                with inside_lock:
                    state["inside"] += 1
                    state["max_inside"] = max(state["max_inside"], state["inside"])
                if n % 4 == 0:
                    time.sleep(0)           # let others pile up at the semaphore
                with inside_lock:
                    state["inside"] -= 1
    return n


results = run(N, worker)
total = sum(results)
assert state["lock"] == total, "Lock counter %d, expected %d" % (state["lock"], total)
assert state["rlock"] == total, "RLock counter %d, expected %d" % (state["rlock"], total)
assert state["inside"] == 0 and 1 <= state["max_inside"] <= K, \
    "semaphore(%d) admitted %d threads at once" % (K, state["max_inside"])
assert not lock.locked()
try:
    sem.release()
    raise AssertionError("BoundedSemaphore released above its bound")
except ValueError:
    pass
print("OK locks threads=%d ops=%d max_in_semaphore=%d/%d" % (N, total, state["max_inside"], K))
