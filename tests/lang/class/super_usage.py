class Base:
    def __init__(self, value):
        self.value = value
        print("Base init", value)
    def describe(self):
        return "Base(%s)" % self.value
    @classmethod
    def create(cls, v):
        return cls(v)
class Child(Base):
    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra
        print("Child init", extra)
    def describe(self):
        return "Child[" + super().describe() + "]"
    @classmethod
    def create(cls, v):
        print("Child.create")
        obj = cls.__new__(cls)
        Base.__init__(obj, v)
        obj.extra = None
        return obj
c = Child(1, 2)
print(c.describe())
d = Child.create(5)
print(d.describe(), d.extra, type(d).__name__)
print(super(Child, c).describe())
