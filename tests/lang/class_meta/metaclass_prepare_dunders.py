class NS(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return NS()
    def __new__(mcls, name, bases, ns):
        print(type(ns).__name__)
        return super().__new__(mcls, name, bases, dict(ns))
    def __repr__(cls):
        return "<M %s>" % cls.__name__
    def __bool__(cls): return False
    def __reversed__(cls): return iter([9])
    def __getattr__(cls, n): return "ga:" + n
    def __setattr__(cls, n, v):
        print("setattr", n)
        super().__setattr__(n, v)
    def __dir__(cls): return ["z", "a"]
    def __instancecheck__(cls, x): return x == 1
class A(metaclass=Meta):
    x = 1
    def f(self): pass
print(repr(A), bool(A), list(reversed(A)), A.zzz, dir(A), isinstance(1, A), isinstance(2, A))
A.q = 3
print(A.q)
class MC(type):
    def __call__(cls, value):
        return "called %r" % value
class E(metaclass=MC):
    pass
print(E(3))
print(type.__call__(E) .__class__.__name__)
class Sing(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class One(metaclass=Sing):
    def __init__(self): print("init once")
print(One() is One())
print(type.__new__(type, "Y", (), {}).__name__)
Y = type("Y", (), {"__qualname__": "Q.Y", "__module__": "mm"})
print(Y.__qualname__, Y.__module__, Y)
print(type(type), type.__name__)
class W(int):
    def __new__(cls, v):
        o = int.__new__(cls, v)
        o._name = "w"
        return o
w = W(5); print(w, w._name, w + 1)
class Obj:
    __slots__ = ('a', 'b')
print(Obj.__slots__, hasattr(Obj(), '__dict__'))
print(A.__mro__, Meta.__mro__)
print(Meta.mro(A) if False else "")
print(type(A).__name__, A.__class__)
def cg(cls, item): return item
class H:
    __class_getitem__ = classmethod(cg)
print(H[5])
