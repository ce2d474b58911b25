print(pow(2, 10), pow(2, -2), pow(-3, 3))
print(pow(3, 200, 1000007))
print(pow(2, 10 ** 6, 10 ** 9 + 7))
print(pow(123456789, 987654321, 10 ** 12))
print(pow(-5, 3, 7), pow(5, 3, -7))
print(pow(3, -1, 11), pow(7, -2, 13))
print(pow(0, 0), pow(0, 0, 1), pow(5, 0, 3))
print(2 ** 64, (-2) ** 63, 7 ** 40)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
