def f(a, b):
    return a + b
cases = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, c=3),
    lambda: f(1, 2, a=3),
    lambda: f(),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
def g(x, *, y):
    pass
try:
    g(1)
except TypeError as e:
    print("TypeError:", e)
def h():
    pass
try:
    h(1)
except TypeError as e:
    print("TypeError:", e)
def k(a, b=1):
    pass
try:
    k(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    k()
except TypeError as e:
    print("TypeError:", e)
