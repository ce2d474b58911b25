class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v * 10
class Child(Base):
    @property
    def v(self):
        return super().v + 1
print(Base().v, Child().v)
class RO:
    @property
    def x(self):
        return 42
r = RO()
try:
    r.x = 1
except AttributeError:
    print("read-only property")
try:
    del r.x
except AttributeError:
    print("cannot delete")
def getter(self):
    return "manual"
class Manual:
    p = property(getter, doc="manual property")
print(Manual().p, Manual.p.__doc__)
