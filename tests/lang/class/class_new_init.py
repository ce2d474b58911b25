class Singleton:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            print("creating")
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("hello")
print(u, len(u), isinstance(u, str), u + "!")
class NotInit:
    def __new__(cls):
        return 42
print(NotInit())
