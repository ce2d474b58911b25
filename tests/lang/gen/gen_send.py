def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration as e:
    print("returned", e.value)
def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
e = echo()
print(e.send(None), e.send("a"), e.send("b"))
try:
    echo().send(1)
except TypeError as err:
    print("TypeError:", err)
