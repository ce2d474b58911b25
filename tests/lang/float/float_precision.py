x = 1.0
n = 0
while 1.0 + x != 1.0:
    x /= 2
    n += 1
print(n, x, x * 2)
y = 1.0
k = 0
while y * 2 != float("inf"):
    y *= 2
    k += 1
print(k, y)
z = 1.0
m = 0
while z / 2 > 0:
    z /= 2
    m += 1
print(m, z)
print(0.1 + 0.7, 0.1 * 7, 4.35 * 100, 1.1 + 2.2)
