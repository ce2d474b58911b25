import sys
print(sys.maxsize, -sys.maxsize - 1)
m = sys.maxsize
print(m + 1, m * 2, (m + 1) // 2, -m - 2)
print(2 ** 63, 2 ** 63 - 1 == m)
print(2 ** 31, 2 ** 32, 2 ** 62 + 2 ** 62)
a = 2 ** 62
print(a * 4, a * a)
print(-(2 ** 63) // -1, (-(2 ** 63)) % -1)
print(abs(-(2 ** 63)))
print(1 << 63, 1 << 64, (1 << 63) >> 1)
