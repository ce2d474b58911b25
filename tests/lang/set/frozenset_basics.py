f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f)
print(f == {1, 2, 3}, f | {4} == {1, 2, 3, 4}, type(f | {4}).__name__, type({4} | f).__name__)
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
d = {f: "frozen key"}
print(d[frozenset({1, 2, 3})])
s = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(s))
print(frozenset(), frozenset() == set())
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
