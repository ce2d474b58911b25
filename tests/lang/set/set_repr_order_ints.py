print({1, 2, 3}, {3, 2, 1} == {1, 2, 3})
print(set([10, 20]) - {10}, {5})
print(repr(set()), repr(frozenset()), frozenset({1}))
print(sorted({-1, -5, 3}), min({4, 2, 8}), max({4, 2, 8}), sum({1, 2, 3}))
