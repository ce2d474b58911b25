# heapq: the list layout after every operation must equal CPython's, since
# programs print heaps and index into them.
import heapq
import random

rng = random.Random(1234)

h = []
for i in range(40):
    heapq.heappush(h, rng.randrange(100))
    if i % 5 == 4:
        print("push", h)
while len(h) > 30:
    print("pop", heapq.heappop(h), h[:10])

data = [rng.randrange(1000) for _ in range(60)]
heapq.heapify(data)
print("heapify", data)
print("replace", heapq.heapreplace(data, 500), data[:12])
print("pushpop small", heapq.heappushpop(data, -1), data[:12])
print("pushpop big", heapq.heappushpop(data, 999), data[:12])
out = [heapq.heappop(data) for _ in range(len(data))]
print("sorted?", out == sorted(out), out[:8])

# duplicate keys and tuples: ties resolved by later fields
t = []
for i, w in enumerate("the quick brown fox jumps over the lazy dog the end".split()):
    heapq.heappush(t, (len(w), w, i))
print(t)
print([heapq.heappop(t) for _ in range(4)])

# large heapify (CPython switches strategy above a few thousand items)
big = [rng.random() for _ in range(5000)]
heapq.heapify(big)
print(all(big[k] <= big[c] for k in range(len(big)) for c in (2 * k + 1, 2 * k + 2) if c < len(big)))
print([round(v, 6) for v in big[:6]])

# only __lt__ is needed
class P:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return "P(%d)" % self.v

ph = []
for v in [5, 3, 8, 1, 9, 2]:
    heapq.heappush(ph, P(v))
print(ph)
print(heapq.heappop(ph), ph)

# errors
for f, args in [(heapq.heappop, ([],)), (heapq.heapreplace, ([], 1)),
                (heapq.heappush, ((), 1)), (heapq.heapify, ((3, 1),))]:
    try:
        f(*args)
    except (IndexError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
try:
    heapq.heappush([1], 'a')
except TypeError as e:
    print("TypeError", e)
