a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a * -b)
print(b // 12345678901234567890)
print(b % 12345678901234567890)
print(10 ** 50 + 1)
print(-(10 ** 30))
