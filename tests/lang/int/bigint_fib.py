a, b = 0, 1
for i in range(300):
    a, b = b, a + b
print(a)
print(a.bit_length())
print(a % 10 ** 9)
print(str(a)[:20], len(str(a)))
x = 1
for _ in range(10):
    x = x * x + 1
print(x)
