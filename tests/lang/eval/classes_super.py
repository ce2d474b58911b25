# Class creation, super(), __class__, bound methods, metaclasses.
class A:
    def who(self):
        return "A"
    @classmethod
    def make(cls):
        return cls.__name__

class B(A):
    def who(self):
        return "B" + super().who()
    @classmethod
    def make(cls):
        return "B:" + super().make()

class C(B):
    def who(self):
        return "C" + super().who()

print(C().who(), C.make(), B.make())

class D:
    def cls(self):
        return __class__
print(D().cls() is D)

a = A()
m1, m2 = a.who, a.who
print(m1 == m2, m1 is m2, m1.__self__ is a, m1.__func__ is A.who)
print(repr(A.who)[:20], repr(m1)[:29])

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        return super().__new__(mcls, name, bases, ns)
class E(metaclass=Meta, tag="t1"):
    pass
class F(E):
    pass
print(type(E).__name__, E.tag, F.tag, type(F).__name__)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
for _ in range(3):
    Counter()
print(Counter.count)

class Base:
    def __init__(self, x):
        self.x = x
class Derived(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
d = Derived(1, 2)
print(d.x, d.y)

def no_args():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)
no_args()

class G:
    def f(self):
        def inner():
            return super(G, self).__repr__()[:10]
        return inner()
print(G().f())
print(C.__mro__[1].__name__, C.__qualname__, C.who.__qualname__)

class WithDoc:
    "doc string"
    x: int = 1
print(WithDoc.__doc__, WithDoc.__annotations__, WithDoc.__module__)
