# Subclasses of built-in types with overridden methods and super() calls.
class MyList(list):
    def append(self, x):
        print("append", x)
        super().append(x * 2)
    def __len__(self):
        return super().__len__() + 100
    def __getitem__(self, i):
        return ("item", super().__getitem__(i))

m = MyList([1])
m.append(3)
print(m, len(m), type(m).__name__, isinstance(m, list), m[1], list(m))
print(m + [1], sorted(m), m == [1, 6], MyList.__mro__[1].__name__)

class D(dict):
    def __missing__(self, k):
        return k * 2
    def __setitem__(self, k, v):
        super(D, self).__setitem__(k, v + 1)

d = D()
d["a"] = 1
print(d, d["zz"], d.get("q"), "zz" in d, len(d))
d2 = D(x=1)
print(d2, isinstance(d2, dict))

class I(int):
    def __add__(self, o):
        return I(int(self) + int(o) + 1000)
    def __repr__(self):
        return "I(%d)" % int(self)

i = I(5)
print(i + 1, i * 2, repr(i), str(i), i == 5, hash(i) == hash(5), type(i * 2).__name__)
print(1 + i, I("12"), I(3.9), isinstance(i, int), [10, 20, 30, 40, 50, 60][i])

class S(str):
    def upper(self):
        return "UP:" + super().upper()

s = S("ab")
print(s.upper(), s + "c", len(s), s == "ab", type(s + "c").__name__, type(s).__name__, s[0])
print({s: 1}["ab"], "%s!" % s, f"{s}?")

class F(float):
    def __str__(self):
        return "F" + super().__str__()

f = F(1.5)
print(f, f + 1, repr(f), type(f + 1).__name__)

class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def sum(self):
        return self[0] + self[1]

t = T(1, 2)
print(t, t.sum(), len(t), type(t).__name__, t == (1, 2), t + (3,))

class E(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"

try:
    raise E(4, "bad")
except Exception as e:
    print(e, e.args, e.code, type(e).__name__, repr(e))

class E2(ValueError):
    pass

try:
    raise E2("x", 2)
except ValueError as e:
    print(repr(e), str(e), isinstance(e, Exception))

class Counted(list):
    count = 0
    def __init__(self, *a):
        super().__init__(*a)
        Counted.count += 1

Counted([1]); Counted()
print(Counted.count, Counted("ab"))
