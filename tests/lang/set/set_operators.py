a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [10])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a)
print({1, 2}.issubset(a), a.issuperset({1, 5}), a.isdisjoint({9}), a.isdisjoint(b))
print(a == {4, 3, 2, 1}, a != b)
c = set(a)
c |= {9}; c &= {1, 2, 9}; c -= {1}; c ^= {2, 7}
print(sorted(c))
