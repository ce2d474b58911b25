class Dynamic:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"no attribute {name}")
d = Dynamic()
print(d.real, d.auto_hello, getattr(d, "auto_x"), hasattr(d, "other"))
try:
    d.missing
except AttributeError as e:
    print("AttributeError:", e)
class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)
l = Logged()
l.x = 1
l.y = 2
del l.x
print(l.log, hasattr(l, "x"), l.y)
