a = [1, 2, 3, 4, 5, 6]
a = [x for x in a if x % 2]
print(a)
b = [1, 2, 3, 4]
for x in b[:]:
    if x % 2 == 0:
        b.remove(x)
print(b)
c = [1, 2, 3]
for i in range(len(c)):
    c[i] *= 10
print(c)
d = [0]
for x in d:
    if x < 5:
        d.append(x + 1)
print(d)
e = [3, 1, 2]
e[:] = sorted(e)
print(e)
e *= 2
print(e)
