# super(Cls, self), zero-argument super(), class attributes replaced after
# definition, and __class__.
class A:
    tag = "A"
    def f(self):
        return "A.f"
    @classmethod
    def make(cls):
        return "A.make:" + cls.__name__

class B(A):
    def f(self):
        return "B.f>" + super(B, self).f()
    @classmethod
    def make(cls):
        return "B.make>" + super().make()

class C(B):
    def f(self):
        return "C.f>" + super().f()
    def skip(self):
        return super(B, self).f()

c = C()
print(c.f(), c.skip(), C.make(), [k.__name__ for k in C.__mro__])
print(super(C, c).f(), super(B, C).make())

class K:
    x = 1
    def get(self):
        return self.x

k = K()
print(k.get())
K.x = 2
print(k.get())
K.get = lambda self: "new " + str(self.x)
print(k.get())
k.x = 3
print(k.get(), K.x)
del k.x
print(k.get())
del K.get
try:
    k.get()
except AttributeError as e:
    print("AttributeError:", e)

print(k.__class__.__name__, k.__class__ is K, c.__class__.__mro__[-1].__name__)

class Q:
    def who(self):
        return __class__.__name__
    def cls(self):
        return __class__

class R(Q):
    pass

print(Q().who(), R().who(), R().cls() is Q, type(R()) is R)

class P:
    pass

class P2:
    def hello(self):
        return "P2 hello"

p = P()
p.__class__ = P2
print(type(p).__name__, p.hello(), isinstance(p, P2))

class Multi(B, A):
    def f(self):
        return "Multi>" + super().f()

print(Multi().f())
