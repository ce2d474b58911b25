import threading, time

l = threading.Lock()
print(l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01))
l.release()
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    l.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    l.acquire(timeout=-5)
except ValueError as e:
    print("ValueError:", e)
with l:
    print("in with", l.locked())
print(l.locked())

r = threading.RLock()
with r:
    with r:
        print("nested rlock ok")
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# lock handed between threads
counter = 0
def inc(n):
    global counter
    for _ in range(n):
        with l:
            counter += 1
ts = [threading.Thread(target=inc, args=(2000,)) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("counter", counter)

# timeout honoured while another thread holds it
l.acquire()
res = []
def try_it():
    t0 = time.monotonic()
    got = l.acquire(timeout=0.1)
    res.append((got, time.monotonic() - t0 >= 0.09))
t = threading.Thread(target=try_it); t.start(); t.join()
l.release()
print(res)

# a blocked acquire wakes up on release
l.acquire()
def waiter():
    with l:
        res.append("waiter got it")
t = threading.Thread(target=waiter); t.start()
time.sleep(0.05)
l.release()
t.join()
print(res[-1])

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(False), sem.acquire(timeout=0.01))
sem.release(2)
bs = threading.BoundedSemaphore(1)
bs.acquire(); bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
