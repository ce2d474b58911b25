d = {}
d[1] = "one"
d[1.0] = "float one"
d[True] = "true"
print(d)
d[(1, 2)] = "tuple"
d[frozenset([1])] = "fs"
d[None] = "none"
d["1"] = "str"
print(len(d), d[(1, 2)], d[frozenset({1})], d[None])
try:
    d[[1]] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    d[{}] = 1
except TypeError as e:
    print("TypeError:", e)
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
d2 = {K(1): "a"}
print(d2[K(1)], K(2) in d2)
