class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        print("init", name)
    def __call__(cls, *a, **k):
        print("call", cls.__name__, a)
        return super().__call__(*a, **k)
    def __iter__(cls):
        return iter([1,2,3])
    def __getitem__(cls, k):
        return k*2
    def __len__(cls):
        return 3
    def __contains__(cls, x):
        return x == 5
    @property
    def members(cls):
        return "m"
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name)
        return {}

class A(metaclass=Meta, x=1):
    def f(self): pass
class B(A):
    y = 2
print(type(A), type(B))
b = B()
print(list(A), A[3], len(A), 5 in A, 4 in A, A.members)
class S:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class T(S, k=2): pass
class D:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class U:
    d = D()
class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(G[int])
X = type("X", (object,), {"a": 1, "f": lambda self: 42})
print(X.a, X().f(), X.__name__, type(X))
print(type(3))
class M2(type): pass
class M3(M2): pass
class P(metaclass=M2): pass
class Q(P, metaclass=M3): pass
print(type(Q))
try:
    class Z(P, metaclass=type): pass
    print(type(Z))
except TypeError as e: print(e)
