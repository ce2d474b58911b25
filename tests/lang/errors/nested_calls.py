def a(x):
    return b(x * 2)
def b(y):
    return c(y - 1)
def c(z):
    if z > 5:
        raise RuntimeError(f"z too big: {z}")
    return z
print(a(1))
print(a(10))
