# locals() is one dict per frame, refreshed on each call; exec() writes stay visible.
def f():
    exec("y = 5")
    return locals()["y"]
print(f())
def g(a):
    b = 2
    l1 = locals()
    c = 3
    l2 = locals()
    return l1 is l2, sorted(l2.items())
print(g(1))
def h(x):
    def inner():
        return x
    x = 10
    del x
    try:
        return sorted(locals())
    finally:
        pass
print(h(1))
def k(x):
    def inner():
        return x
    return sorted(locals().items(), key=lambda kv: kv[0])[0]
print(k(7)[0])
