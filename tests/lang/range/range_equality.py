print(range(0) == range(2, 2), range(1, 4) == range(1, 4, 1), range(0, 3, 2) == range(0, 4, 2))
print(range(3) == [0, 1, 2], list(range(3)) == [0, 1, 2])
print(range(1, 10).start, range(1, 10).stop, range(1, 10).step, range(5).start)
print(bool(range(0)), bool(range(1)), len(range(-5)))
