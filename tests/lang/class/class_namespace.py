class Config:
    DEBUG = False
    LEVEL = 3
    NAMES = [n.lower() for n in ["A", "B"]]
    def method(self):
        return self.LEVEL
    TOTAL = LEVEL * 2
print(Config.DEBUG, Config.TOTAL, Config.NAMES, Config().method())
print([n for n in dir(Config) if not n.startswith("__")])
setattr(Config, "NEW", 1)
print(Config.NEW, getattr(Config, "LEVEL"), getattr(Config, "missing", "default"))
delattr(Config, "NEW")
print(hasattr(Config, "NEW"))
print(Config.__name__, Config.__qualname__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__name__, Outer.Inner.__qualname__)
