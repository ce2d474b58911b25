def f(a, *, key, flag=False):
    return a, key, flag
print(f(1, key="k"), f(1, key=2, flag=True))
def g(*args, sep="-", end="!"):
    return sep.join(args) + end
print(g("a", "b"), g("a", "b", sep="+", end=""))
print(f.__kwdefaults__, g.__kwdefaults__)
def h(a, b, /, c, *, d):
    return a + b + c + d
print(h(1, 2, 3, d=4), h(1, 2, c=3, d=4))
try:
    h(1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
