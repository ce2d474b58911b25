# random: the module-level generator shared by threads stays consistent
import random
import threading

random.seed(99)
results = []
lock = threading.Lock()

def worker():
    local = []
    for _ in range(2000):
        local.append(random.random())
        local.append(random.getrandbits(100))
    with lock:
        results.extend(local)

threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
floats = [v for v in results if isinstance(v, float)]
ints = [v for v in results if isinstance(v, int)]
print(len(floats), len(ints), all(0.0 <= f < 1.0 for f in floats), all(0 <= i < 2**100 for i in ints))
# every value drawn from one stream: the floats are all distinct
print(len(set(floats)) == len(floats))
