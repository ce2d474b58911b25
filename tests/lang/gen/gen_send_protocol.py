def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        term = yield avg
        total += term
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 30, 45]:
    print(a.send(v))
def coroutine_chain(target):
    while True:
        item = yield
        target.send(item * 2)
def printer():
    while True:
        item = yield
        print("printer got", item)
p = printer()
next(p)
c = coroutine_chain(p)
next(c)
for i in range(3):
    c.send(i)
