x = "outer"
lst = [x for x in range(3)]
print(x, lst)
y = 10
print([y + i for i in range(3)])
def f():
    n = 5
    return [n * i for i in range(3)]
print(f())
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
print([(lambda k: k * k)(i) for i in range(4)])
