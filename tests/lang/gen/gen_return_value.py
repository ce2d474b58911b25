def gen():
    yield 1
    yield 2
    return "result"
g = gen()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)
def empty_return():
    return
    yield
print(list(empty_return()))
try:
    next(empty_return())
except StopIteration as e:
    print("value:", e.value)
def deleg():
    r = yield from gen()
    print("delegated returned", r)
    yield r.upper()
print(list(deleg()))
