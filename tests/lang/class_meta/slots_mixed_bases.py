# A class whose primary base has empty __slots__ but whose secondary base
# has a __dict__ still gets a __dict__ (CPython's layout rule).
class A:
    __slots__ = ()
class B:
    pass
class C(A, B):
    pass
c = C(); c.x = 1; print(c.x, hasattr(c, '__dict__'), c.__dict__)
class D(B, A): pass
d = D(); d.x = 2; print(d.x)
class E(A, B):
    __slots__ = ()
e = E(); e.y = 3; print(e.y)
class W:
    __slots__ = ('a',)
class F(W, B): pass
f = F(); f.x = 1; f.a = 2; print(f.x, f.a, f.__dict__)
class G(W):
    pass
g = G(); g.z = 1; print(g.z, g.__dict__)
class H(W):
    __slots__ = ('b',)
h = H(); h.a = 1; h.b = 2
try:
    h.c = 3
except AttributeError as ex:
    print('AttributeError', ex)
# __doc__ may be a slot when the class has no docstring
class Doc:
    __slots__ = ('__doc__', 'v')
    def __init__(self, doc):
        self.__doc__ = doc
print(Doc('hello').__doc__, Doc.__slots__)
class Doc2:
    "class doc"
print(Doc2.__doc__)
try:
    class Doc3:
        "doc"
        __slots__ = ('__doc__',)
except ValueError as ex:
    print('ValueError', ex)
