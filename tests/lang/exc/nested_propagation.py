def level3(x):
    if x == 0:
        raise ValueError("level3 failed")
    return 10 / x
def level2(x):
    try:
        return level3(x)
    finally:
        print("level2 cleanup", x)
def level1(x):
    try:
        return level2(x)
    except ZeroDivisionError:
        return "never"
for x in [5, 0]:
    try:
        print(level1(x))
    except ValueError as e:
        print("top caught:", e)
def gen_err():
    yield 1
    raise KeyError("from generator")
try:
    for v in gen_err():
        print("got", v)
except KeyError as e:
    print("caught", e)
