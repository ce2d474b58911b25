def inner():
    yield "a"
    yield "b"
    return "inner-done"
def outer():
    yield "start"
    r = yield from inner()
    yield r
    yield from range(3)
    yield from "xy"
print(list(outer()))
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))
def sender_inner():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
def sender_outer():
    result = yield from sender_inner()
    yield "final %d" % result
so = sender_outer()
next(so)
so.send(3)
so.send(4)
print(so.send(None))
