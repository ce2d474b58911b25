class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
c = C(5)
m = c.get
print(m(), C.get(c))
c.v = 6
print(m())
print(m.__self__ is c, m.__name__, m.__func__ is C.get)
d = C(7)
print(C.get(d), [o.get() for o in (c, d)])
getters = list(map(C.get, [c, d]))
print(getters)
c.get = lambda: "instance override"
print(c.get(), C.get(c))
