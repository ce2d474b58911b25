# metaclass corner cases
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls._created_by = mcls.__name__
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns, **kw)
        cls._kw = kw
class Base(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, kw)
class Sub(Base, flag=True):
    pass
print(Sub._created_by, Sub._kw, type(Sub) is Meta)
# __new__ returning something that is not a class
class Weird(type):
    def __new__(mcls, name, bases, ns):
        return 42
class W(metaclass=Weird):
    pass
print(W)
# a plain function as metaclass
def fmeta(name, bases, ns):
    ns['made_by_function'] = True
    return type(name, bases, ns)
class F(metaclass=fmeta):
    x = 1
print(F.made_by_function, type(F))
# metaclass conflict
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(e)
# the most derived metaclass wins
class M3(M1): pass
class D(metaclass=M3): pass
class E(A, D): pass
print(type(E).__name__)
# metaclass attributes are visible on the class but not on instances
class WithAttr(type):
    registry = []
    def describe(cls):
        return 'class ' + cls.__name__
class X(metaclass=WithAttr): pass
print(X.describe(), X.registry, hasattr(X(), 'describe'))
# __call__ controls instantiation
class Counted(type):
    count = 0
    def __call__(cls, *a, **k):
        Counted.count += 1
        return super().__call__(*a, **k)
class Y(metaclass=Counted):
    def __init__(self, v): self.v = v
ys = [Y(i) for i in range(3)]
print(Counted.count, [y.v for y in ys])
# __prepare__ receives keywords and may return an ordered recorder
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        if not k.startswith('__'):
            self.order.append(k)
        super().__setitem__(k, v)
class RM(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare kw', kw)
        return Recorder()
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls
    def __init__(cls, *a, **kw):
        pass
class R(metaclass=RM, option=1):
    b = 1
    a = 2
    def c(self): pass
print(R.order)
# type() three-argument form with bases and methods, and type() one-argument
T = type('T', (Y,), {'extra': lambda self: self.v * 2})
print(T(5).extra(), type(T).__name__, T.__mro__[1].__name__, type(T(1)).__name__)
try:
    type('Bad', (), {}, 1)
except TypeError as e:
    print(e)
try:
    type()
except TypeError as e:
    print(e)
# __mro_entries__ and __orig_bases__
class Fake:
    def __mro_entries__(self, bases):
        return (dict,)
class FromFake(Fake()):
    pass
print(FromFake.__mro__, FromFake.__orig_bases__[0].__class__.__name__)
# __set_name__ is called in definition order, with the owner
class Field:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
class Model:
    a = Field()
    b = Field()
# __init_subclass__ default rejects keywords
try:
    class K(object, unknown=1): pass
except TypeError as e:
    print(e)
# class attributes set through the metaclass __setattr__
class Frozen(type):
    def __setattr__(cls, k, v):
        raise AttributeError('frozen class ' + cls.__name__)
class FZ(metaclass=Frozen):
    v = 1
try:
    FZ.v = 2
except AttributeError as e:
    print(e)
print(FZ.v)
# __instancecheck__/__subclasscheck__ on a metaclass
class Duck(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, 'quack')
    def __subclasscheck__(cls, sub):
        return hasattr(sub, 'quack')
class Quacker(metaclass=Duck): pass
class Mallard:
    def quack(self): pass
print(isinstance(Mallard(), Quacker), isinstance(1, Quacker), issubclass(Mallard, Quacker), issubclass(int, Quacker))
# metaclass __getattr__ and __dir__ and __len__/__iter__
class Seq(type):
    def __iter__(cls):
        return iter(cls._items)
    def __len__(cls):
        return len(cls._items)
    def __getitem__(cls, i):
        return cls._items[i]
    def __contains__(cls, x):
        return x in cls._items
    def __getattr__(cls, name):
        if name.startswith('item_'):
            return cls._items[int(name[5:])]
        raise AttributeError(name)
class Items(metaclass=Seq):
    _items = ['a', 'b', 'c']
print(list(Items), len(Items), Items[1], 'c' in Items, Items.item_2, sorted(Items, reverse=True))
try:
    Items.nothing
except AttributeError as e:
    print('AttributeError', e)
print(Meta.__mro__, type(Meta), isinstance(Sub, type), type.__subclasses__(Meta))
