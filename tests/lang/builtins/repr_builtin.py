values = [1, -2.5, "str", 'q"uote', "it's", b"by", [1, "a"], (1,), {"k": [None]}, {3}, True, None, float("inf"), range(3), slice(1, 2)]
for v in values:
    print(repr(v), str(v))
print(repr(repr("x")), str(str(1)))
print(type(repr(1)).__name__)
