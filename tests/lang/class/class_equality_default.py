class Plain:
    pass
a = Plain()
b = Plain()
print(a == a, a == b, a != b, a is a)
print(bool(a), id(a) == id(a), id(a) == id(b))
s = {a, b, a}
print(len(s))
d = {a: 1, b: 2}
print(d[a], d[b])
print(hash(a) == hash(a))
class WithEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, WithEq) and self.v == other.v
print(WithEq(1) == WithEq(1), WithEq(1) != WithEq(2), WithEq.__hash__ is None)
try:
    hash(WithEq(1))
except TypeError as e:
    print("TypeError:", e)
