class Thing:
    kind = "thing"
    def __init__(self):
        self.a = 1
        self._b = 2
    def method(self):
        pass
    @property
    def prop(self):
        return 3
t = Thing()
print(vars(t))
print([n for n in dir(t) if not n.startswith("__")])
print([n for n in dir(Thing) if not n.startswith("__")])
print(sorted(k for k in vars(Thing) if not k.startswith("__")))
class Sub(Thing):
    extra = 1
print([n for n in dir(Sub) if not n.startswith("__")])
print("kind" in vars(Sub), "extra" in vars(Sub))
