a = [4, 1, 3, 2]
print(len(a), sum(a), min(a), max(a), sorted(a), list(reversed(a)))
print(any(x > 3 for x in a), all(x > 0 for x in a), any([]), all([]))
print(list(map(lambda x: x * 10, a)), list(filter(lambda x: x % 2 == 0, a)))
print(list(zip(a, "abcd")), list(enumerate(a, 1)))
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1}), list())
print([x for x in a if x != 1], a.count(1), 3 in a)
print(sum([[1], [2, 3]], []))
