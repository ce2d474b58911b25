class Tracker:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        if not name.startswith("__"):
            print("access", name)
        return object.__getattribute__(self, name)
    def method(self):
        return "method result"
t = Tracker()
print(t.a)
print(t.secret)
print(t.method())
try:
    t.nope
except AttributeError as e:
    print("AttributeError raised")
class Fallback:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name):
        return "fallback for " + name
print(Fallback().anything)
