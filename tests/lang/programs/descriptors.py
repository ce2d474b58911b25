# __slots__, data/non-data descriptors, __set_name__, __getattr__/__getattribute__, __init_subclass__
class Typed:
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default

    def __set_name__(self, owner, name):
        self.name = name
        self.slot = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.slot, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.slot, value)

    def __delete__(self, obj):
        delattr(obj, self.slot)


class Lazy:
    def __init__(self, fn):
        self.fn = fn
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value


class Registry:
    subclasses = []

    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag or cls.__name__.lower()
        Registry.subclasses.append(cls)


class Point(Registry, tag="pt"):
    __slots__ = ("x", "y", "_label")
    label = Typed(str, "unnamed")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.label!r})"


class Point3(Point):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Circle(Registry):
    radius = Typed((int, float).__class__ and float, 1.0)

    @Lazy
    def area(self):
        """computed once"""
        print("  computing area")
        return 3.0 * self.radius ** 2


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])

    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._target, name, value)


p = Point(1, 2)
print(p, p.label)
p.label = "origin-ish"
print(p, hasattr(p, "__dict__"), Point.__slots__, type(Point.__dict__["x"]).__name__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.label = 42
except TypeError as e:
    print("TypeError:", e)
del p.label
print(p.label, Point.label.name, Point.tag, Point3.tag, Circle.tag, [c.__name__ for c in Registry.subclasses])
q = Point3(1, 2, 3)
print(q, q.z, isinstance(q, Point), Point3.__mro__[1].__name__, hasattr(q, "__dict__"))
c = Circle()
c.radius = 2.0
print(c.area, c.area, "area" in vars(c), Circle.area.__doc__)
try:
    c.radius = 3
except TypeError as e:
    print("TypeError:", e)
del c.area
print(c.area)
pr = Proxy(c)
pr.radius = 5.0
print(pr.radius, pr.tag, pr.log)
try:
    pr.missing
except AttributeError as e:
    print("AttributeError:", e, pr.log[-1])
try:
    del q.x
    print(q.x)
except AttributeError as e:
    print("AttributeError:", e)


class Temperature:
    def __init__(self):
        self._c = 0.0

    def _get_f(self):
        return self._c * 9 / 5 + 32

    def _set_f(self, v):
        self._c = (v - 32) * 5 / 9

    fahrenheit = property(_get_f, _set_f, None, "degrees F")
    celsius = property(lambda self: self._c)


t = Temperature()
t.fahrenheit = 212
print(t.celsius, t.fahrenheit, Temperature.fahrenheit.__doc__)
try:
    t.celsius = 5
except AttributeError as e:
    print("AttributeError:", e)
