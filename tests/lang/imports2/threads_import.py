# Two threads import the same slow module: the body runs once and both see
# the finished module (the second waits for the first).
import threading
results = []
lock = threading.Lock()

def worker():
    import _slow
    with lock:
        results.append(getattr(_slow, "DONE", False))

ts = [threading.Thread(target=worker) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results)
