t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1])
print((), (1,), (1, 2), tuple(), tuple([1, 2]), tuple("ab"))
single = 5,
print(single, type(single).__name__)
print(t + (4, 5), t * 2, 2 * (0,))
print(t.count(2), t.index(3), (1, 2, 1).count(1))
print(2 in t, 5 not in t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(10)
except ValueError as e:
    print("ValueError:", e)
try:
    t[5]
except IndexError as e:
    print("IndexError:", e)
