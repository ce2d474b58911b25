class Range:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __set_name__(self, owner, name):
        self.attr = "_" + name
    def __get__(self, obj, cls):
        return getattr(obj, self.attr)
    def __set__(self, obj, v):
        if not self.lo <= v <= self.hi:
            raise ValueError(f"{v} not in [{self.lo}, {self.hi}]")
        setattr(obj, self.attr, v)
class Color:
    r = Range(0, 255)
    g = Range(0, 255)
    b = Range(0, 255)
    def __init__(self, r, g, b):
        self.r, self.g, self.b = r, g, b
    def hex(self):
        return "#%02x%02x%02x" % (self.r, self.g, self.b)
print(Color(255, 128, 0).hex())
try:
    Color(1, 300, 2)
except ValueError as e:
    print("ValueError:", e)
c = Color(0, 0, 0)
c.g = 17
print(c.hex())
