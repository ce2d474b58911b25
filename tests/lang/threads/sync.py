import threading, time

# Condition producer/consumer
cond = threading.Condition()
items = []
got = []
def consumer():
    for _ in range(5):
        with cond:
            cond.wait_for(lambda: items)
            got.append(items.pop(0))
c = threading.Thread(target=consumer); c.start()
for i in range(5):
    with cond:
        items.append(i)
        cond.notify()
    time.sleep(0.001)
c.join()
print(got)
with cond:
    print(cond.wait(0.01))
    print(cond.wait_for(lambda: False, timeout=0.01))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

# notify_all
ready = []
def w(i):
    with cond:
        cond.wait()
        ready.append(i)
ts = [threading.Thread(target=w, args=(i,)) for i in range(3)]
for t in ts: t.start()
while True:
    with cond:
        if len(cond._waiters) == 3:
            cond.notify_all()
            break
    time.sleep(0.001)
for t in ts: t.join()
print(sorted(ready))

# Event
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
def setter():
    time.sleep(0.02)
    ev.set()
threading.Thread(target=setter).start()
print(ev.wait(5), ev.is_set())
ev.clear()
print(ev.is_set())

# Barrier
b = threading.Barrier(3, action=lambda: print("action ran"))
idx = []
def bw():
    idx.append(b.wait())
ts = [threading.Thread(target=bw) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(idx), b.parties, b.n_waiting, b.broken)
b2 = threading.Barrier(2)
try:
    b2.wait(0.02)
except threading.BrokenBarrierError:
    print("broken", b2.broken)
b2.reset()
print("reset", b2.broken)
b2.abort()
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("aborted")

# Timer
fired = []
tm = threading.Timer(0.01, lambda: fired.append(1)); tm.start(); tm.join()
tm2 = threading.Timer(10, lambda: fired.append(2)); tm2.start(); tm2.cancel(); tm2.join()
print(fired)
