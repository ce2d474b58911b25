def gen():
    yield 1
    yield 2
    raise KeyError("generator failed")
for v in gen():
    print(v)
