it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
s = iter("ab")
print(list(s), list(s))
d = iter({"k1": 1, "k2": 2})
print(next(d), next(d))
class Count:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Count(), 4)))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
