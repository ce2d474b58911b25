class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x!r})"
    def __str__(self):
        return f"<V {self.x}>"
    def __format__(self, spec):
        return f"V[{spec}]"
v = V("a")
print(v, repr(v), str(v), f"{v}", f"{v!r}", f"{v!s}", f"{v:xyz}")
print("{}".format(v), "{!r}".format(v), "{:spec}".format(v), format(v, "q"))
print("%s %r" % (v, v))
print([v, V(1)], {"k": v}, (v,))
