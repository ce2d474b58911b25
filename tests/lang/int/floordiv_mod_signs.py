pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
big = 10 ** 25 + 7
for a, b in [(big, 3), (-big, 3), (big, -3), (-big, -3), (big, 10 ** 12), (-big, 10 ** 12 + 1)]:
    q, r = divmod(a, b)
    print(q, r, q * b + r == a, (r == 0) or ((r < 0) == (b < 0)))
