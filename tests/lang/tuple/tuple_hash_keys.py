d = {}
d[(1, 2)] = "a"
d[(1, 2)] += "b"
d[(2, 1)] = "c"
print(d, d[1, 2])
s = {(0, 0), (0, 1), (0, 0)}
print(sorted(s))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    {([1],): 1}
except TypeError as e:
    print("TypeError:", e)
