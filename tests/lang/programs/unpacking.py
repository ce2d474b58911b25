# Unpack-sequence heavy code: starred targets, swaps, nested tuples, for-loop unpacking, **
def stats(*nums, scale=1, **opts):
    first, *middle, last = sorted(nums)
    return first * scale, len(middle), last * scale, sorted(opts.items())


a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
x = y = z = [0]
x += [1]
print(x, y is z, z)
(p, q), r = (1, 2), 3
[s, (t, u)], v = ["s", ("t", "u")], "v"
print(p, q, r, s, t, u, v)
head, *tail = "hello"
*init, last = range(5)
first, *mid, end = [1, 2]
print(head, tail, init, last, first, mid, end)
print(stats(5, 3, 9, 1, scale=2, mode="x", alpha=1))
pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, (f, *rest) in pairs:
    print(num, f, rest, end="; ")
print()
nums, names = zip(*pairs)
print(nums, names, dict(pairs), dict(zip(names, nums)))
print([*range(3), *"ab", *{"k": 1}], (*nums,), {*nums, *[9]}, {**{"a": 1}, "b": 2, **dict(c=3)})
grid = [(i, j, i * j) for i in range(3) for j in range(3)]
total = 0
for i, j, prod in grid:
    total += prod if i != j else -prod
print(total)
m = {"a": (1, [2, 3]), "b": (4, [5, 6])}
for key, (n, [lo, hi]) in sorted(m.items()):
    print(key, n, lo, hi)
fib = [0, 1]
for _ in range(20):
    fib[-2], fib[-1] = fib[-1], fib[-2] + fib[-1]
print(fib)
lst = list(range(10))
lst[2:5] = ["a", "b"]
lst[::3] = [None] * len(lst[::3])
del lst[-2:]
print(lst)
lo, hi = hi, lo = 5, 10
print(lo, hi)
i = 0
arr = [10, 20, 30]
i, arr[i] = 2, 99
print(i, arr)
d = {}
d["x"], d["y"] = divmod(47, 5)
print(d, [(k, v) for k, v in enumerate("xyz", 1)])
for errcase in ("ab", "abcd", 5):
    try:
        e1, e2, e3 = errcase
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    u1, *u2, u3, u4 = [1, 2]
except ValueError as e:
    print("ValueError:", e)
def swap_all(seq):
    out = []
    for a, b in seq:
        a, b = b, a
        out.append((a, b))
    return out
print(swap_all(zip("abc", range(3))), max(pairs, key=lambda t: t[1]), sorted(pairs, key=lambda t: -t[0])[0])
rows = [("k%d" % i, i, i * 1.5) for i in range(1000)]
acc = 0.0
for name, n, f in rows:
    a, b = n, f
    a, b = b, a
    acc += a - b
print(acc, print(*[1, 2], sep="-") is None, (lambda a, b=2, *c, d, **e: (a, b, c, d, e))(1, d=4))
