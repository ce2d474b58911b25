first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3, 4)
print(init, last)
a, *mid, b = "abcdef"
print(a, mid, b)
a, *mid, b = [1, 2]
print(a, mid, b)
*everything, = range(3)
print(everything)
(x, *y), z = [1, 2, 3], 4
print(x, y, z)
for h, *t in [(1, 2, 3), (4,), (5, 6)]:
    print(h, t)
