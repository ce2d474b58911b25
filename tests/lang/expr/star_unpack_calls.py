def f(*args, **kwargs):
    return args, kwargs
lst = [1, 2, 3]
d = {"a": 1, "b": 2}
print(f(*lst))
print(f(0, *lst, 4, *"xy"))
print(f(**d))
print(f(*lst, **d, c=3))
print(f(**d, **{"z": 26}))
print(*lst)
print(*lst, sep=", ")
print(*[], "only")
def g(a, b, c=0, *, d=4):
    return a + b + c + d
print(g(*[1, 2]), g(*[1, 2, 3], **{"d": 10}))
print(g(**{"a": 1, "b": 2}))
