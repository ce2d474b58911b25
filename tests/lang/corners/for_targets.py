# Nested list/tuple patterns as for targets (and in comprehensions).
pairs = [([1, 2], 3), ([4, 5], 6)]
for ([a, b], c) in pairs:
    print(a, b, c)
for (a, (b, c)), d in [((1, (2, 3)), 4), ((5, (6, 7)), 8)]:
    print(a, b, c, d)
for [a, *b] in [[1, 2, 3], "xy"]:
    print(a, b)
for a, [*b, c] in [(0, (1, 2, 3))]:
    print(a, b, c)
print([x + y for (x, [y]) in [(1, [2]), (3, [4])]])
print({k: v for [k, (v,)] in [("a", [1]), ("b", (2,))]})
d = {}
for d["key"], [d["other"], x] in [(1, (2, 3))]:
    pass
print(d, x)
class O:
    pass
o = O()
for o.attr, o.other in [(1, 2), (3, 4)]:
    pass
print(o.attr, o.other)
lst = [0, 0]
for i, lst[i] in enumerate([10, 20]):
    pass
print(lst)
try:
    for (a, b) in [(1, 2, 3)]:
        pass
except ValueError as e:
    print("ValueError:", e)
try:
    for [a, b, c] in [(1, 2)]:
        pass
except ValueError as e:
    print("ValueError:", e)
try:
    for a, b in [1]:
        pass
except TypeError as e:
    print("TypeError:", e)
