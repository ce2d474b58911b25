n = 2 ** 521 - 1
print(n % 1000000007)
print(len(str(n)))
print(n // (2 ** 500))
print(n >> 510, n & 0xFFFF)
print(-n >> 510)
x = 10 ** 100
print(x // 7)
print(-x // 7)
print(x % 7, -x % 7)
print(x // -(10 ** 50 + 3))
print((x - 1) // x, (-x + 1) // x)
print(2 ** 200 // 2 ** 100 == 2 ** 100)
