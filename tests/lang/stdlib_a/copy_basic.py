import copy

l = [1, [2, 3], {'a': [4]}]
s = copy.copy(l)
d = copy.deepcopy(l)
print(s == l, s is l, s[1] is l[1], d == l, d[1] is l[1], d[2]['a'] is l[2]['a'])
t = (1, 2, [3])
print(copy.copy(t) is t, copy.deepcopy((1, 2, 'x')) is not None, copy.deepcopy(t) is t, copy.deepcopy(t) == t)
fs = frozenset([1, 2])
print(copy.copy(fs) is fs, copy.copy(5) == 5, copy.copy('s'), copy.deepcopy(None), copy.copy(int) is int)
st = {1, 2}
print(copy.copy(st) == st, copy.copy(st) is st, copy.deepcopy({'k': {1}}))
print(copy.copy(bytearray(b'ab')), copy.deepcopy(range(3)))

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, [2])
q = copy.copy(p)
r = copy.deepcopy(p)
print(type(q).__name__, q.x, q.y is p.y, r.y == p.y, r.y is p.y)

rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc is not rec)
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is not shared)

class Hooked:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        return Hooked('copied ' + str(self.v))
    def __deepcopy__(self, memo):
        return Hooked('deep ' + str(self.v) + ' ' + str(type(memo).__name__))
print(copy.copy(Hooked(1)).v, copy.deepcopy(Hooked(2)).v, copy.deepcopy([Hooked(3)])[0].v)

class Slotted:
    __slots__ = ('a', 'b')
s1 = Slotted()
s1.a = [1]
s2 = copy.copy(s1)
s3 = copy.deepcopy(s1)
print(s2.a is s1.a, s3.a == s1.a, s3.a is s1.a, hasattr(s2, 'b'))

class State:
    def __init__(self):
        self.n = 1
    def __getstate__(self):
        return {'n': self.n * 10}
    def __setstate__(self, st):
        self.n = st['n'] + 1
print(copy.copy(State()).n, copy.deepcopy(State()).n)

class L(list):
    pass
class D(dict):
    pass
ll = L([1, [2]])
ll.attr = 'x'
lc = copy.deepcopy(ll)
print(type(lc).__name__, lc, lc.attr, lc[1] is ll[1])
dd = D(a=[1])
dc = copy.copy(dd)
print(type(dc).__name__, dc, dc['a'] is dd['a'])

from collections import namedtuple, OrderedDict, defaultdict, Counter, deque
Pt = namedtuple('Pt', 'x y')
pt = Pt(1, [2])
print(copy.copy(pt), copy.deepcopy(pt), copy.deepcopy(pt).y is pt.y)
dq = deque([1, [2]], maxlen=5)
print(copy.copy(dq), copy.deepcopy(dq), copy.deepcopy(dq)[1] is dq[1])
print(copy.deepcopy(OrderedDict(a=1, b=[2])), copy.copy(defaultdict(list, a=[1])), copy.deepcopy(Counter('aab')))

memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
print(y, id(x) in memo)

def f():
    return 1
print(copy.deepcopy(f) is f, copy.copy(f) is f)

class Red:
    def __init__(self, a):
        self.a = a
    def __reduce__(self):
        return (Red, (self.a * 2,))
print(copy.copy(Red(3)).a, copy.deepcopy(Red(4)).a)
print(issubclass(copy.Error, Exception))
