class P:
    cls_attr = "c"
    def __init__(self):
        self.a = 1
        self.b = 2
p = P()
print(p.__dict__, vars(p) is p.__dict__)
p.__dict__["c"] = 3
print(p.c, sorted(vars(p)))
print(getattr(p, "a"), getattr(p, "cls_attr"), getattr(p, "zz", None))
setattr(p, "d", 4)
delattr(p, "a")
print(vars(p), hasattr(p, "a"))
try:
    getattr(p, "nothere")
except AttributeError as e:
    print("AttributeError:", e)
