from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], d.pop(), d.popleft(), d)
d.extend('ab')
d.extendleft('xy')
print(d, list(d), list(reversed(d)), bool(d), bool(deque()))
print(repr(deque()), deque('abc', maxlen=2), deque(maxlen=3), deque([], 0), deque(range(3)).maxlen)
b = deque(maxlen=3)
for i in range(6):
    b.append(i)
print(b, b.maxlen)
b.appendleft(-1)
print(b)
b.extend([10, 11])
print(b)
b.extendleft([7, 8])
print(b)
z = deque(maxlen=0)
z.append(1)
print(z, len(z))

r = deque(range(10))
r.rotate(3)
print(r)
r.rotate(-5)
print(r)
r.rotate()
print(r)
r.rotate(23)
print(r)
r.rotate(0)
full = deque(range(8))
full.rotate(3)
print(full)
r.reverse()
print(r, r.count(3), r.count(99), r.index(5), r.index(5, 2), 5 in r, 99 in r)
r.remove(5)
r.insert(2, 'i')
r.insert(-1, 'j')
r.insert(100, 'end')
r.insert(-100, 'start')
print(r)
del r[1]
r[0] = 'first'
print(r, r[-2])
c = r.copy()
c.clear()
print(len(r), len(c), c)

e = deque()
for meth in (e.pop, e.popleft):
    try:
        meth()
    except IndexError as ex:
        print('IndexError', ex)
for bad in (lambda: deque([1])[5], lambda: deque([1])['a'], lambda: deque([1])[0:1],
            lambda: deque([1]).remove(7), lambda: deque([1]).index(7),
            lambda: deque([1, 2], maxlen=2).insert(0, 0), lambda: deque(maxlen=-1),
            lambda: deque([1]) + [2], lambda: deque(5),
            lambda: deque(maxlen='x')):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as ex:
        print(type(ex).__name__, ex)

q = deque([1, 2, 3])
it = iter(q)
next(it)
q.append(4)
try:
    next(it)
except RuntimeError as ex:
    print('RuntimeError', ex)

print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([2, 1]), deque([1]) < deque([1, 0]),
      deque([1]) == [1], deque([3]) > deque([2, 9]))
print(deque([1, 2]) + deque([3]), deque('ab') * 2, 2 * deque('ab'), deque('abc', 4) * 2, deque([1]) * 0)
x = deque([1])
x += [2, 3]
x *= 2
print(x)
x += x
print(x, len(x))

class MyDeque(deque):
    def __init__(self, it=(), maxlen=None, tag='t'):
        super().__init__(it, maxlen)
        self.tag = tag
md = MyDeque([1, 2], tag='custom')
md.append(3)
print(md, type(md).__name__, md.tag, isinstance(md, deque), md.maxlen, list(md))
print(type(md.copy()).__name__, md.copy())

nested = deque()
nested.append(nested)
print(nested)
print(deque([deque([1]), [2]]))

q2 = deque()
total = 0
for i in range(10000):
    q2.append(i)
    if len(q2) > 100:
        total += q2.popleft()
while q2:
    total += q2.pop()
print(total)

bfs = deque([0])
seen = {0}
order = []
while bfs:
    n = bfs.popleft()
    order.append(n)
    for m in (2 * n + 1, 2 * n + 2):
        if m < 15 and m not in seen:
            seen.add(m)
            bfs.append(m)
print(order)
window = deque(maxlen=3)
print([sum(window) for v in range(6) if window.append(v) is None])
print(deque(reversed(deque('abc'))), list(enumerate(deque('xy'))), sorted(deque([3, 1, 2])), max(deque([3, 9, 2])))
print(deque.__name__, deque.__module__, repr(deque)[:30])

class Bad:
    def __eq__(self, o):
        d.append(0)
        return False
for op in ('remove', 'count', 'index', 'in'):
    d = deque([Bad(), 1])
    try:
        if op == 'in':
            5 in d
        else:
            getattr(d, op)(5)
    except (IndexError, RuntimeError) as ex:
        print(op, type(ex).__name__, ex)
class Eq:
    def __eq__(self, o):
        return o is None
print(deque([None]).count(Eq()), Eq() in deque([None]), deque([1, 1.0, True, 'a', b'a', None]).count(1))
nan = float('nan')
print(deque([nan]).count(nan), deque([float('nan')]).count(float('nan')), deque(['x', 2]).index(2))

import gc, weakref
wd = deque([1])
wr = weakref.ref(wd)
print(wr() is wd)
del wd
print(wr())
class Node:
    pass
cyc = deque()
node = Node()
cyc.append(node)
node.owner = cyc
wn = weakref.ref(node)
del cyc, node
gc.collect()
print('cycle through a deque collected:', wn() is None)
