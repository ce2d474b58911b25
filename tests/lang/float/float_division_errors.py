for a, b in [(1.0, 0), (1, 0.0), (0.0, 0.0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    5.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5.0 % 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(1.0, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1e300 * 1e300, (-1e300) * 1e300)
except OverflowError as e:
    print("not raised for multiplication")
print("done")
