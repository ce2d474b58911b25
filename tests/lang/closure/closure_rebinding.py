def outer():
    fns = []
    x = 0
    while x < 3:
        fns.append(lambda: x)
        x += 1
    return [f() for f in fns]
print(outer())
def rebind():
    v = "first"
    def show():
        return v
    r1 = show()
    v = "second"
    return r1, show()
print(rebind())
def class_scope():
    y = "func y"
    class Inner:
        y = "class y"
        def m(self):
            return y
    return Inner().m(), Inner.y
print(class_scope())
