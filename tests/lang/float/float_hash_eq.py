print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0), hash(2.5) == hash(2.5))
print(hash(-2.0) == hash(-2), hash(1e10) == hash(10 ** 10), hash(0.5) == hash(0.5))
d = {0.5: "half", 1: "one"}
print(d[0.5], d[1.0], 1.0 in d, 2.0 in d)
s = {1, 1.0, 2, 2.0, 3.5}
print(sorted(s))
