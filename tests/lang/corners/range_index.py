# range indexing and slicing, including negative steps.
r = range(10)
print(r[2], r[-1], r[2:8:2], r[::-1], r[::-2], r[-3:], list(r[1:-1:3]), r[5:2], len(r[::-3]))
r = range(10, 0, -3)
print(list(r), r[1], r[-1], r[::-1], r[1:], len(r), 4 in r, 5 in r, r.index(7), r.count(4))
print(r[-1:], r[:-1], r[::2], r[100:], r[-100:2])
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(3)[-4]
except IndexError as e:
    print("IndexError:", e)
try:
    r.index(5)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
print(range(0, 10, 2)[1:3] == range(2, 6, 2), range(0) == range(5, 5), range(1, 4)[True])
print(list(range(-5, 5, 4)[::-1]), reversed(range(3)).__class__.__name__, list(reversed(range(1, 8, 3))))
big = range(10 ** 20, 10 ** 20 + 100, 7)
print(big[3], len(big), big[-1], 10 ** 20 + 7 in big, big.index(10 ** 20 + 14))
try:
    len(range(10 ** 20))
except OverflowError as e:
    print("OverflowError:", e)
print(range(5)[slice(None, None, -1)], range(7)[1::-1], range(7)[:1:-2])
