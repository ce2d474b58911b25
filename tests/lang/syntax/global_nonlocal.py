counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def make():
    global newname
    newname = "created"
make()
print(newname)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 10
    inner()
    inner()
    return x
print(outer())
def outer2():
    a = "outer"
    def mid():
        def inner():
            nonlocal a
            a = "changed"
        inner()
    mid()
    return a
print(outer2())
g = "global"
def shadow():
    g = "local"
    return g
print(shadow(), g)
