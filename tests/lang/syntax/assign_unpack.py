a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = [6, 7]
print(f, g)
x, y, z = "xyz"
print(x, y, z)
p, q = range(2)
print(p, q)
(m, (n, (o, r))) = (1, (2, (3, 4)))
print(m, n, o, r)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
