from abc import ABC, ABCMeta, abstractmethod, abstractproperty, get_cache_token

class Shape(ABC):
    @abstractmethod
    def area(self):
        pass
    @abstractmethod
    def name(self):
        return 'shape'
    def describe(self):
        return '%s with area %s' % (self.name(), self.area())

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def name(self):
        return 'square/' + super().name()

class Half(Shape):
    def area(self):
        return 0

print(Square(3).describe(), sorted(Shape.__abstractmethods__), Half.__abstractmethods__, Square.__abstractmethods__)
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print('TypeError', e)

class Base(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Base:
            return hasattr(C, 'quack') or NotImplemented
        return NotImplemented

class Duck:
    def quack(self):
        pass
class Dog:
    pass
print(isinstance(Duck(), Base), issubclass(Dog, Base), type(Base).__name__, isinstance(Base, ABCMeta))

t0 = get_cache_token()
Base.register(Dog)
print(issubclass(Dog, Base), isinstance(Dog(), Base), get_cache_token() > t0, Base.register(int) is int)
class Sub(Dog):
    pass
print(issubclass(Sub, Base), issubclass(str, Base), isinstance(3, Base))
try:
    Base.register(3)
except TypeError as e:
    print('TypeError', e)

class WithProp(ABC):
    @property
    @abstractmethod
    def value(self):
        pass
class Impl(WithProp):
    @property
    def value(self):
        return 42
print(Impl().value, sorted(WithProp.__abstractmethods__))
try:
    WithProp()
except TypeError as e:
    print('TypeError', e)
class Cm(ABC):
    @classmethod
    @abstractmethod
    def make(cls):
        pass
print(sorted(Cm.__abstractmethods__))
