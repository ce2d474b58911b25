print(hash(0), hash(1), hash(-1), hash(-2), hash(12345))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 64), hash(-(2 ** 64)))
print(hash(10 ** 30))
print(hash(True), hash(False))
print(hash(1) == hash(1.0), hash(2 ** 70) == hash(float(2 ** 70)))
print(hash((1, 2, 3)) == hash((1, 2, 3)), hash((1, 2)) == hash((2, 1)))
print(hash(()) == hash(tuple()))
d = {1: "int", 1.0: "float"}
print(d)
