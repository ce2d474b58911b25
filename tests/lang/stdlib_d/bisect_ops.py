# bisect: left/right searches and insort with lo/hi and key=.
import bisect

a = [1, 2, 2, 2, 3, 5, 8, 8, 13]
for x in (0, 1, 2, 4, 8, 13, 20):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
    print(bisect.bisect_left(a, x, 2), bisect.bisect_right(a, x, 2, 6), bisect.bisect_left(a, x, hi=4))
print(bisect.bisect_left([], 3), bisect.bisect_right([], 3))

b = []
for v in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(b, v)
print(b)
bisect.insort_left(b, 5)
bisect.insort_right(b, 0, 0, 3)
bisect.insort_left(b, 7, lo=5)
print(b)

recs = [("ann", 31), ("bob", 25), ("cid", 42), ("dee", 25), ("eve", 19)]
recs.sort(key=lambda r: r[1])
ages = lambda r: r[1]
print(bisect.bisect_left(recs, 25, key=ages), bisect.bisect_right(recs, 25, key=ages))
bisect.insort(recs, ("fay", 25), key=ages)
bisect.insort_left(recs, ("gus", 25), key=ages)
bisect.insort_right(recs, ("hal", 50), key=ages)
print(recs)
print(bisect.bisect_left(recs, 30, 1, 4, key=ages))

# grading table, the classic example
def grade(score, cut=[60, 70, 80, 90], letters="FDCBA"):
    return letters[bisect.bisect(cut, score)]
print([grade(s) for s in (33, 99, 77, 70, 89, 90, 100)])

# only __lt__ is used; count the comparisons direction
class V:
    calls = []
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        V.calls.append((self.v, other.v))
        return self.v < other.v
vs = [V(i) for i in range(0, 20, 2)]
print(bisect.bisect_right(vs, V(7)), V.calls)
V.calls.clear()
print(bisect.bisect_left(vs, V(8)), V.calls)

for bad in [lambda: bisect.bisect_left(a, 1, -1), lambda: bisect.insort(a, 1, -2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
try:
    bisect.bisect([1, 2], "x")
except TypeError as e:
    print("TypeError", e)
print(bisect.bisect_left(a, 5, 3, 100 if False else len(a)))

# bound checking follows the C implementation: integers only, hi=-1 is the end
a = [1, 2, 3, 4, 5]
print(bisect.bisect_left(a, 5, 0, -1), bisect.bisect_right(a, 9, 0, -1), bisect.bisect_left(a, 5, 0, -2))
for args in [(1.0,), (0, 2.0), (None,), (True, 3), (0, None), (1, True)]:
    try:
        print(args, bisect.bisect_left(a, 3, *args), bisect.bisect_right(a, 3, *args))
    except TypeError as e:
        print(args, "TypeError", e)
try:
    bisect.insort(a, 3, hi=1.5)
except TypeError as e:
    print("TypeError", e)
try:
    bisect.bisect(3, 1)
except TypeError as e:
    print("TypeError", e)
print(bisect.bisect_right((1, 2, 3), 2), bisect.bisect_left('abcde', 'c'), bisect.bisect(range(10), 4.5))
