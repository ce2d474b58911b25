# Pause of a full collection with 1,000,000 tracked objects (issue 5's
# closing note). Usage: INTERP bench/gc/pause.py [objects] [busy_threads]
# With busy_threads > 0, that many threads keep running Python code (and
# allocating) while the main thread collects: in the ft build the collector
# must stop them (stop-the-world), so the pause includes bringing them to a
# safe point. Prints the median and the maximum of 5 full collections.
import gc
import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
BUSY = int(sys.argv[2]) if len(sys.argv) > 2 else 0

gc.disable()
data = [[] for _ in range(N)]      # N tracked containers (plus the outer list)
stop = False


def busy():
    x = 0
    while not stop:
        for i in range(100):
            x += len([i])


threads = [threading.Thread(target=busy) for _ in range(BUSY)]
for t in threads:
    t.start()
time.sleep(0.05)
gc.collect()                        # warm-up: everything reaches generation 2
pauses = []
for _ in range(5):
    t0 = time.perf_counter()
    gc.collect()
    pauses.append(time.perf_counter() - t0)
stop = True
for t in threads:
    t.join()
pauses.sort()
print("full collection, %d tracked objects, %d busy threads: median %.1f ms, max %.1f ms"
      % (N, BUSY, pauses[2] * 1e3, pauses[-1] * 1e3))
