print(list(enumerate("abc")), list(enumerate("ab", start=10)))
for i, (a, b) in enumerate(zip([1, 2], [3, 4]), 1):
    print(i, a, b)
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(range(2), range(2), range(2))))
print(dict(zip(["a", "b"], [1, 2])))
a, b = zip(*[(1, "x"), (2, "y"), (3, "z")])
print(a, b)
e = enumerate(["p", "q"])
print(next(e), next(e), next(e, "end"))
