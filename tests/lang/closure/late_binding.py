fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])
def make(n):
    return lambda: n
fs3 = [make(i) for i in range(3)]
print([f() for f in fs3])
def outer():
    x = 1
    f = lambda: x
    x = 2
    return f()
print(outer())
