"""A threaded workload whose result is exact whatever the schedule: run under
-X chaos by tests/chaos/run.sh. Every shared update is under a lock or is
one built-in operation (list.append, dict item store), which are atomic on
both builds; the output must be the same line every time."""
import threading
import queue

N = 4
ITER = 3000
lock = threading.Lock()
total = 0
items = []
seen = {}
q = queue.Queue()


def worker(k):
    global total
    for i in range(ITER):
        with lock:
            total += 1
        items.append((k, i))
        seen[(k, i)] = i
        if i % 100 == 0:
            q.put(i)


ts = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
got = 0
while not q.empty():
    got += q.get()
assert total == N * ITER, total
assert len(items) == N * ITER, len(items)
assert sorted(items) == [(k, i) for k in range(N) for i in range(ITER)]
assert len(seen) == N * ITER
assert got == N * sum(range(0, ITER, 100)), got
print("ok", total, len(items), len(seen), got)
