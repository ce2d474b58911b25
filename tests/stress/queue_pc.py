"""Producers and consumers through a bounded queue.Queue (so put blocks too):
every item is consumed exactly once; task_done/join account for all of them."""
import queue
import threading
import time
from _stress import args, run, until

N, SECONDS = args()
PRODUCERS = max(1, N // 2)
CONSUMERS = max(1, N - PRODUCERS)
q = queue.Queue(maxsize=16)
DONE = None
finished = [0]
finished_lock = threading.Lock()


def producer(i):
    deadline = until(SECONDS)
    n = 0
    while time.monotonic() < deadline:
        for _ in range(20):
            q.put((i, n))
            n += 1
    with finished_lock:
        finished[0] += 1
        last = finished[0] == PRODUCERS
    if last:                        # the last producer stops every consumer
        for _ in range(CONSUMERS):
            q.put(DONE)
    return n


def consumer():
    seen = []
    while True:
        item = q.get(timeout=60)
        q.task_done()
        if item is DONE:
            return seen
        seen.append(item)


results = run(PRODUCERS + CONSUMERS, lambda i: producer(i) if i < PRODUCERS else consumer())
q.join()                            # every get was matched by task_done
assert q.empty() and q.qsize() == 0
consumed = []
for r in results[PRODUCERS:]:
    last = {}
    for i, n in r:                  # FIFO: each consumer sees a producer's items in order
        assert n > last.get(i, -1), "out of order: (%d, %d) after %d" % (i, n, last[i])
        last[i] = n
    consumed.extend(r)
expected = [(i, n) for i in range(PRODUCERS) for n in range(results[i])]
consumed.sort()
if consumed != expected:
    raise AssertionError("consumed %d items, produced %d; first difference near %r"
                         % (len(consumed), len(expected),
                            next((a, b) for a, b in zip(consumed + [None], expected + [None]) if a != b)))
print("OK queue_pc producers=%d consumers=%d items=%d" % (PRODUCERS, CONSUMERS, len(consumed)))
