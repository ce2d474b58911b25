def sign(x):
    return -1 if x < 0 else (0 if x == 0 else 1)
print([sign(v) for v in (-3, 0, 9)])
def grade(s):
    return "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 10)])
x = 3
y = (x * 2) if x > 2 else (x / 2)
print(y)
print((lambda n: "even" if n % 2 == 0 else "odd")(7))
