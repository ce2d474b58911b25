a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(None) == id(None))
print(callable(len), callable("s"), callable(str), callable(lambda: 1), callable(None))
class Cls:
    def m(self): pass
print(callable(Cls), callable(Cls()), callable(Cls().m))
x = 1000
y = x
print(id(x) == id(y))
