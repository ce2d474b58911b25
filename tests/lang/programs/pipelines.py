# Generator pipelines: send/throw/close, yield from with return values, generator expressions
def source(n):
    for i in range(n):
        yield i


def take(n, it):
    it = iter(it)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return


def window(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


def chain(*its):
    for it in its:
        yield from it


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return count, total
        total += value
        count += 1
        avg = total / count


def delegator(results):
    while True:
        res = yield from averager()
        results.append(res)


def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
                received.append(x)
            except ValueError as e:
                received.append("caught " + str(e))
    finally:
        print("echo closing with", received)


squares = (x * x for x in source(20) if x % 3)
print(list(take(5, squares)), list(squares)[:3])
print(list(window(source(6), 3)), list(chain("ab", [1, 2], (), range(2))))
print(list(take(15, primes())), sum(take(100, primes())))
evens = filter(lambda v: v % 2 == 0, map(lambda v: v * 3, source(10)))
print(list(zip(evens, "abcdef")), list(enumerate(reversed(range(3)), start=10)))

results = []
d = delegator(results)
next(d)
for v in (10, 20, 60):
    print("avg", d.send(v))
d.send(None)
for v in (1, 2):
    d.send(v)
d.send(None)
print(results)

e = echo()
print(next(e), e.send("a"), e.throw(ValueError("bad")), e.send("b"))
e.close()
g = echo()
next(g)
try:
    g.throw(KeyError("boom"))
except KeyError as ex:
    print("propagated", repr(ex))
print(next(g, "exhausted"))


def gen_return():
    yield 1
    return "done"


it = gen_return()
next(it)
try:
    next(it)
except StopIteration as si:
    print("StopIteration value:", si.value)


def running_max(it):
    best = None
    for x in it:
        best = x if best is None or x > best else best
        yield best


data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(list(running_max(data)), max(data), sorted(set(data)), any(x > 8 for x in data), all(data))
nested = [[1, 2], [3], [], [4, 5, 6]]
print([y for x in nested for y in x if y != 3], {x: len(x) for x in map(str, data)}, {c for c in "hello"} == set("hole"))
gen = (i for i in range(3))
print(iter(gen) is gen, list(gen), list(gen))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
sentinel_iter = iter(lambda: data.pop() if data else None, None)
print(list(sentinel_iter))
print(sum(x * y for x, y in zip(range(1000), range(1000, 0, -1))), min((abs(x - 50), x) for x in range(0, 100, 7)))
