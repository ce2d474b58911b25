def square(v):
    return v * v
print([square(v) for v in range(5)])
print([f(3) for f in (square, str, float, lambda q: -q)])
print(sorted([(len(w), w) for w in ["ccc", "a", "bb", "aa"]]))
print([list(range(n)) for n in range(4)])
print(["%s=%d" % (k, v) for k, v in sorted({"b": 2, "a": 1}.items())])
print(max([x for x in range(50) if x % 7 == 3]))
print(list(map(lambda p: p[0] * p[1], [(i, i + 1) for i in range(4)])))
