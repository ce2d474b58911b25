r = range(3, 30, 3)
print(9 in r, 10 in r, 30 in r, 3 in r, -3 in r)
print(r.index(12), r.count(12), r.count(13))
try:
    r.index(10)
except ValueError as e:
    print("ValueError:", e)
big = range(0, 10 ** 18, 7)
print(len(big), 7 * 10 ** 15 in big, big[10 ** 15], big[-1])
print(3.0 in range(5), "a" in range(5))
