print(list(range(5)), list(range(2, 7)), list(range(0, 10, 3)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 2)), list(range(-3, 3)), list(range(3, -3, -2)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[2], list(r))
print(range(5), range(1, 5), range(1, 5, 2))
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
