print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("hello"), min("b", "a", "c"))
print(max([1, -5, 3], key=abs), min(["aa", "b", "ccc"], key=len), max(["aa", "bb"], key=len))
print(max([], default="empty"), min([], default=None), max([1], default=0))
print(max((1, "b"), (1, "a")), min([[2], [1, 5]]))
print(max(range(10), key=lambda v: v % 4), min({3: "a", 1: "b"}))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
print(max(1, 2.5, True), min(0, -0.0))
