from dataclasses import dataclass, field
@dataclass
class Base:
    a: int
    def describe(self):
        return f'Base a={self.a}'
@dataclass(slots=True)
class Derived(Base):
    b: int = 0
    def describe(self):
        return Base.describe(self) + f' b={self.b}'
d = Derived(1, 2)
print(d.describe(), Derived.__slots__, d)
@dataclass(slots=True, frozen=True)
class FS:
    x: int
    def twice(self):
        return self.x * 2
f = FS(4)
print(f.twice(), f, hash(f) == hash((4,)), FS.__slots__)
try:
    f.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
import copy
print(copy.copy(d) if False else 'skip')
@dataclass
class WithProps:
    _v: int = 0
    @property
    def v(self):
        return self._v
print(WithProps(3).v, WithProps())
