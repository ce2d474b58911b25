print(sum([1, 2, 3]), sum([]), sum(range(5), 100), sum([0.5, 0.25]), sum([[1], [2]], []))
print(sum((1, 2), 0.5), sum(x for x in range(4)), sum([True, True, False]))
print(any([]), any([0, "", None]), any([0, 1]), all([]), all([1, "a"]), all([1, 0]))
print(any(x > 2 for x in range(5)), all(c.isalpha() for c in "abc1"))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
