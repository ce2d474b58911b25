# heapq.nlargest / nsmallest / merge: results, stability and edge cases.
import heapq
import random

rng = random.Random(99)
data = [rng.randrange(50) for _ in range(200)]
for n in (-1, 0, 1, 2, 5, 17, 199, 200, 250):
    print(n, heapq.nsmallest(n, data)[:8], heapq.nlargest(n, data)[:8])
    print(heapq.nsmallest(n, iter(data))[:8], heapq.nlargest(n, iter(data))[:8])

words = "pear fig apple kiwi banana plum cherry date lime grape melon".split()
for n in (1, 3, 6, 20):
    print(heapq.nsmallest(n, words, key=len), heapq.nlargest(n, words, key=len))
    print(heapq.nsmallest(n, iter(words), key=len), heapq.nlargest(n, iter(words), key=len))

pairs = [(rng.randrange(5), i) for i in range(30)]
print(heapq.nlargest(7, pairs, key=lambda p: p[0]))
print(heapq.nsmallest(7, pairs, key=lambda p: p[0]))
print(heapq.nsmallest(3, []), heapq.nlargest(3, iter([])), heapq.nsmallest(1, []), heapq.nlargest(1, []))

a = sorted(rng.randrange(20) for _ in range(10))
b = sorted(rng.randrange(20) for _ in range(7))
c = []
d = sorted(rng.randrange(20) for _ in range(12))
print(list(heapq.merge(a, b, c, d)))
print(list(heapq.merge()), list(heapq.merge([1, 2])))
tagged = [sorted((rng.randrange(6), tag) for _ in range(5)) for tag in "xyz"]
print(list(heapq.merge(*tagged, key=lambda p: p[0])))
print(list(heapq.merge(*[sorted(t, reverse=True) for t in tagged], key=lambda p: p[0], reverse=True)))
print(list(heapq.merge(sorted(words), sorted(w.upper() for w in words), key=str.lower)))
g = heapq.merge(iter([1, 4, 9]), iter([2, 3, 10, 11]))
print(next(g), next(g), list(g))
