# Module state shared between threads must stay consistent: no lost or
# repeated items in a deque used as a queue, no repeated ids from count(),
# a consistent lru_cache.
import threading
from collections import deque, defaultdict, Counter
from functools import lru_cache
from itertools import count

N_THREADS = 4
N = 2000

dq = deque()
def producer(base):
    for i in range(N):
        dq.append(base + i)
ts = [threading.Thread(target=producer, args=(k * N,)) for k in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(dq), sorted(dq) == list(range(N_THREADS * N)))

got = [[] for _ in range(N_THREADS)]
def consumer(out):
    while True:
        try:
            out.append(dq.popleft())
        except IndexError:
            return
ts = [threading.Thread(target=consumer, args=(got[k],)) for k in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
allgot = sorted(x for g in got for x in g)
print(len(allgot), allgot == list(range(N_THREADS * N)), len(dq))

bounded = deque(maxlen=50)
def filler():
    for i in range(N):
        bounded.append(i)
        bounded.appendleft(i)
ts = [threading.Thread(target=filler) for _ in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(bounded), bounded.maxlen)

ids = count()
seen = [[] for _ in range(N_THREADS)]
def taker(out):
    for _ in range(N):
        out.append(next(ids))
ts = [threading.Thread(target=taker, args=(seen[k],)) for k in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
flat = sorted(x for s in seen for x in s)
print(flat == list(range(N_THREADS * N)), next(ids))

@lru_cache(maxsize=64)
def square(x):
    return x * x
errors = []
def hammer(k):
    for i in range(N):
        v = (i * 7 + k) % 200
        if square(v) != v * v:
            errors.append(v)
ts = [threading.Thread(target=hammer, args=(k,)) for k in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
info = square.cache_info()
print(errors, info.hits + info.misses, info.currsize <= 64, info.maxsize)

lock = threading.Lock()
totals = defaultdict(int)
def tally(k):
    local = Counter(i % 10 for i in range(N))
    with lock:
        for key, v in local.items():
            totals[key] += v
ts = [threading.Thread(target=tally, args=(k,)) for k in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(totals.items()))
