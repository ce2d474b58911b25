import threading, queue

q = queue.Queue()
N = 200
def producer(base):
    for i in range(N):
        q.put(base + i)
results = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item)
        q.task_done()
ps = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(3)]
cs = [threading.Thread(target=consumer) for _ in range(2)]
for t in ps + cs: t.start()
for t in ps: t.join()
q.join()
for _ in cs: q.put(None)
for t in cs: t.join()
print(len(results), sum(results), q.empty(), q.qsize())

bq = queue.Queue(maxsize=2)
bq.put(1); bq.put(2)
print(bq.full())
try:
    bq.put(3, timeout=0.01)
except queue.Full:
    print("Full")
try:
    bq.put_nowait(3)
except queue.Full:
    print("Full nowait")
print(bq.get(), bq.get())
try:
    bq.get(timeout=0.01)
except queue.Empty:
    print("Empty")
try:
    bq.get_nowait()
except queue.Empty:
    print("Empty nowait")

lq = queue.LifoQueue()
for i in range(3): lq.put(i)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for v in [5, 1, 4, 2, 3, 9, 0]: pq.put(v)
print([pq.get() for _ in range(7)])
sq = queue.SimpleQueue()
sq.put("a"); sq.put("b")
print(sq.qsize(), sq.get(), sq.get(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("Empty simple")
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

# blocking get woken by a put from another thread
def later():
    bq.put("x")
t = threading.Timer(0.02, later); t.start()
print(bq.get(timeout=5))
t.join()
