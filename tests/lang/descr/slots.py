class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError:
    print("AttributeError on non-slot attribute")
del p.y
print(hasattr(p, "y"))
try:
    print(p.y)
except AttributeError:
    print("AttributeError after delete")
class Q(P):
    __slots__ = ("z",)
q = Q(1, 2)
q.z = 3
print(q.x, q.y, q.z)
class R(P):
    pass
r = R(1, 2)
r.extra = "has dict"
print(r.extra, sorted(vars(r)))
