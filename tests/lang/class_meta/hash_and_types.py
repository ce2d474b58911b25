# __hash__ results that fit a machine word are used as they are
class K:
    def __init__(self, s): self.s = s
    def __hash__(self): return hash(self.s)
    def __eq__(self, o): return isinstance(o, K) and o.s == self.s
print(hash(K('abc')) == hash('abc'), hash(K('x')) == hash('x'))
class Big:
    def __hash__(self): return 2 ** 70
print(hash(Big()) == hash(2 ** 70))
class Neg:
    def __hash__(self): return -1
print(hash(Neg()))
class Large:
    def __hash__(self): return 2 ** 62
print(hash(Large()) == 2 ** 62)
d = {K('a'): 1}
print(d[K('a')])
# type() with three arguments, metaclass inheritance, __init_subclass__ kwargs
Point = type('Point', (object,), {'x': 0, '__repr__': lambda self: 'Point()'})
print(Point(), Point.x, type(Point), Point.__name__, Point.__qualname__)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['tag'] = kw.get('tag', name.lower())
        return super().__new__(mcls, name, bases, ns)
class Base(metaclass=Meta): pass
class Child(Base, tag='kid'): pass
print(Base.tag, Child.tag, type(Child).__name__)
Dyn = Meta('Dyn', (Base,), {})
print(Dyn.tag, isinstance(Dyn, Meta))
class Registry:
    subclasses = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        Registry.subclasses.append(name or cls.__name__)
class R1(Registry): pass
class R2(Registry, name='second'): pass
print(Registry.subclasses)
class Desc:
    def __set_name__(self, owner, name):
        self.name = owner.__name__ + '.' + name
    def __get__(self, obj, owner=None):
        return self.name
class Owner:
    attr = Desc()
print(Owner.attr, Owner().attr)
class Gen:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item.__name__}]'
print(Gen[int])
try:
    type('X', (1,), {})
except TypeError as ex:
    print('TypeError', ex)
try:
    type('X', (), [])
except TypeError as ex:
    print('TypeError', ex)
