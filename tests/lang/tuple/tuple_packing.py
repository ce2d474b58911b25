def divmod2(a, b):
    return a // b, a % b
q, r = divmod2(17, 5)
print(q, r, divmod2(17, 5))
a, (b, c), d = 1, (2, 3), 4
print(a, b, c, d)
coords = [(1, 2), (3, 4)]
for x, y in coords:
    print(x + y)
t = 1, 2, 3
x, *rest = t
print(x, rest)
print(tuple(i * i for i in range(4)))
