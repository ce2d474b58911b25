# Closures, cells, nonlocal, late binding, class-body scoping.
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
print(c(), c(), c())
print(type(c.__closure__[0]).__name__, c.__closure__[0].cell_contents)

fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])

def outer(x):
    def middle():
        def inner():
            return x * 2
        return inner
    return middle()()
print(outer(21))

def arg_cell(a):
    def get():
        return a
    a += 1
    return get()
print(arg_cell(1))

x = "global"
class C:
    x = "class"
    def m(self):
        return x
    y = [x for _ in range(1)]
print(C().m(), C.y)

def f():
    v = 1
    class D:
        v = 2
        w = v
        def g(self):
            return v
    return D.w, D().g()
print(f())

def unbound():
    def inner():
        return late
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    late = 1
unbound()

def delete_cell():
    q = 1
    def r():
        return q
    del q
    try:
        r()
    except NameError as e:
        print(type(e).__name__, e)
delete_cell()
