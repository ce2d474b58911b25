print(len(""), len("abc"), len([1, 2]), len((1,)), len({}), len({1: 2}), len(set()), len(range(10)), len(b"xy"))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-10 ** 20))
print(round(3.7), round(-3.7), round(3.14159, 2), round(2.5), round(3.5), round(-2.5))
print(round(1234, -1), round(1.23456, 0), round(10))
class L:
    def __len__(self):
        return 7
print(len(L()))
try:
    len(3)
except TypeError as e:
    print("TypeError:", e)
