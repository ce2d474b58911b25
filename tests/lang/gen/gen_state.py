def g():
    yield 1
gen = g()
print(type(gen).__name__, gen.__name__)
print(iter(gen) is gen)
for x in gen:
    print(x)
print(list(gen))
def ranges():
    for n in range(1, 4):
        yield range(n)
print([list(r) for r in ranges()])
def counter():
    c = 0
    while True:
        c += 1
        yield c
c1, c2 = counter(), counter()
print(next(c1), next(c1), next(c2), next(c1))
