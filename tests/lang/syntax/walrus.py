data = [1, 5, 8, 12, 3]
if (n := len(data)) > 3:
    print("long", n)
vals = [y for x in data if (y := x * 2) > 10]
print(vals, y)
i = 0
while (i := i + 1) < 4:
    print("i", i)
print((a := 5) + a)
def f(x):
    return (z := x + 1) * z
print(f(3))
stack = [1, 2, 3]
while (top := stack.pop() if stack else None) is not None:
    print("pop", top)
print([last := v for v in range(3)], last)
