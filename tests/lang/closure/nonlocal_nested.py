def a():
    x = 0
    def b():
        nonlocal x
        x += 1
        def c():
            nonlocal x
            x += 10
            return x
        return c()
    r1 = b()
    r2 = b()
    return r1, r2, x
print(a())
def swap_pair():
    p, q = 1, 2
    def swap():
        nonlocal p, q
        p, q = q, p
    swap()
    return p, q
print(swap_pair())
def shared():
    val = "init"
    def get():
        return val
    def set_(v):
        nonlocal val
        val = v
    return get, set_
g, s = shared()
print(g())
s("updated")
print(g())
