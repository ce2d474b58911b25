class Lazy:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        print("computing", self.name)
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value
class Data:
    def __init__(self, n):
        self.n = n
    @Lazy
    def total(self):
        return sum(range(self.n))
d = Data(10)
print(d.total)
print(d.total)
print("total" in vars(d))
d.total = "overridden"
print(d.total)
