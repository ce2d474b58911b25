# Coroutines driven from several threads at once (each thread its own
# coroutines, one shared coroutine function and awaitable class).
import threading

class Step:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        return (yield self.v)

async def leaf(i):
    return await Step(i) * 2

async def work(n):
    total = 0
    for i in range(n):
        total += await leaf(i)
    return total

def run(coro):
    v = None
    while True:
        try:
            v = coro.send(v)
        except StopIteration as e:
            return e.value

results = []
lock = threading.Lock()

def thread_main(k):
    local = [run(work(50 + k)) for _ in range(20)]
    with lock:
        results.append((k, local[0], len(set(local))))

threads = [threading.Thread(target=thread_main, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))

# One coroutine resumed by another thread after it was started here.
c = work(3)
first = c.send(None)
out = []
t = threading.Thread(target=lambda: out.append(run_from(c, first)))

def run_from(coro, v):
    while True:
        try:
            v = coro.send(v)
        except StopIteration as e:
            return e.value

t.start()
t.join()
print(first, out)
