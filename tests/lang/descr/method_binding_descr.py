class C:
    def m(self):
        return "m"
    @staticmethod
    def s():
        return "s"
    @classmethod
    def c(cls):
        return cls.__name__
f = C.__dict__["m"]
print(f(C()), f.__get__(C())(), type(C.__dict__["s"]).__name__, type(C.__dict__["c"]).__name__)
print(C.s(), C().s(), C.c(), C().c())
def outside(self):
    return "outside " + type(self).__name__
C.o = outside
print(C().o())
print(C.m is C.m, C().m == C().m)
