def outer():
    a = [1]
    def inner():
        return a
    return inner
f1 = outer()
f2 = outer()
print(f1(), f1() is f1(), f1() is f2())
f1().append(2)
print(f1(), f2())
def pair():
    x, y = "x", "y"
    def get():
        return x + y
    def set_x(v):
        nonlocal x
        x = v
    return get, set_x
get, set_x = pair()
print(get())
set_x("X")
print(get())
get2, _ = pair()
print(get2(), get())
def adders():
    return [lambda v, k=k: v + k for k in (1, 2)], [lambda v: v + k for k in (1, 2)]
early, late = adders()
print([f(10) for f in early], [f(10) for f in late])
