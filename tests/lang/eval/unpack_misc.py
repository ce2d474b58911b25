# Unpacking, starred expressions, comprehension scopes, chained comparisons.
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
*e, f = "xyz"
print(e, f)
first, *mid, last = range(6)
print(first, mid, last)
for bad, target in ((1, "a, b"), ((1, 2, 3), "a, b"), ([1], "a, b"), ([1], "a, *b, c")):
    try:
        exec(target + " = bad")
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__ + ":", ex)
print([*range(3), *"ab"], {*"aa"}, {**{"k": 1}, "j": 2})
try:
    [*1]
except TypeError as ex:
    print("TypeError:", ex)
try:
    {**1}
except TypeError as ex:
    print("TypeError:", ex)
print(1 < 2 < 3, 1 < 3 < 2, (lambda x: 0 < x <= 10)(10))
print([(x, y) for x in range(3) if x for y in "ab"])
print({k: v for k, v in zip("abc", range(3))})
x = 10
print([x for x in range(3)], x)
s = 0
for i in range(1, 101):
    if i % 2:
        continue
    s += i
else:
    s += 1000
print(s)
i = 0
while True:
    i += 1
    if i > 5:
        break
else:
    print("no")
print(i)
print(f"{a!r:>4}|{'s'!s}|{3.14159:.2f}|{x}")
big = 2 ** 70
print(big * big - 1, -7 // 2, -7 % 2, 7 // -2, 2 ** -1, 10 / 4)
