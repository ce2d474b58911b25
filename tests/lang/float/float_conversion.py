print(float("3.14"), float("  -2.5  "), float("1e3"), float("1_000.5"), float(".5"), float("5."))
print(float(7), float(2 ** 60), float(-3), float(True))
print(int(2.9), int(-2.9), int(1e18), int(1.5e30))
print(float("1e500"), float("-1e500"))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(float(10 ** 300), float(-(10 ** 20)))
print(2 ** 0.5 * 2 ** 0.5)
