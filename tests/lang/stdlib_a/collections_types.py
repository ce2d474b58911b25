from collections import namedtuple, defaultdict, OrderedDict, Counter, ChainMap, UserDict, UserList
import collections

# namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], p._fields, p._asdict(), p._replace(x=1), Point._make((5, 6)))
print(repr(Point), Point.__name__, Point.__doc__, Point.__module__, isinstance(p, tuple), len(p), p == (11, 22))
x, y = p
print(x, y, hash(p) == hash((11, 22)), Point.x.__doc__, Point._field_defaults, Point.__match_args__)
P3 = namedtuple('P3', 'a, b c', defaults=[2, 3])
print(P3(1), P3(1, c=9), P3._field_defaults, P3.__new__.__defaults__)
R = namedtuple('R', ['ok', 'def', '_x', 'ok'], rename=True)
print(R._fields)
for bad in (lambda: namedtuple('X', 'a a'), lambda: namedtuple('X', '_a'), lambda: namedtuple('X', 'a-b'),
            lambda: namedtuple('X', 'class'), lambda: namedtuple('1X', 'a'), lambda: Point(1),
            lambda: Point(1, 2, 3), lambda: Point._make([1]), lambda: p._replace(z=1),
            lambda: namedtuple('X', 'a b', defaults=[1, 2, 3])):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Sub(Point):
    __slots__ = ()
    @property
    def norm(self):
        return abs(self.x) + abs(self.y)
    def __str__(self):
        return 'Sub %d %d' % self
s = Sub(3, -4)
print(s, repr(s), s.norm, s._replace(x=0).norm)
one = namedtuple('One', 'v')
print(one(1), one._make([2]))

# defaultdict
dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd, dd['zz'], len(dd), 'q' in dd, dd.get('q'), sorted(dd))
cnt = defaultdict(int)
for ch in 'mississippi':
    cnt[ch] += 1
print(cnt, dict(cnt), isinstance(cnt, dict), cnt.default_factory)
nf = defaultdict()
print(nf, nf.default_factory)
try:
    nf['x']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
dd2 = dd.copy()
dd2['new'].append(0)
print(type(dd2).__name__, 'new' in dd, defaultdict(lambda: 'v', {1: 2})[3] if False else defaultdict(set, a={1}) | {'b': 2})
tree = lambda: defaultdict(tree)
t = tree()
t['a']['b']['c'] = 1
print(t['a']['b']['c'], list(t['a']))

# OrderedDict
od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), list(reversed(od)), od.popitem(), od.popitem(last=False), od)
od = OrderedDict.fromkeys('abcde')
od.move_to_end('b')
od.move_to_end('d', last=False)
print(''.join(od), OrderedDict(), OrderedDict(a=1) == OrderedDict(a=1))
o1 = OrderedDict([('a', 1), ('b', 2)])
o2 = OrderedDict([('b', 2), ('a', 1)])
print(o1 == o2, o1 == dict(o2), dict(o2) == o1, o1 != o2)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    o1.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)
print(o1.copy(), o1 | {'c': 3}, o1.setdefault('z', 0), o1.pop('z'), o1.pop('q', 'dflt'), list(o1.items()))

# Counter
c = Counter('abracadabra')
print(c, c['a'], c['zzz'], c.most_common(2), c.most_common(0), c.total())
print(sorted(c.elements()), Counter(), Counter(a=3, b=-1), Counter({'x': 2}))
c.update('aaz')
c.subtract({'b': 5})
print(c, c.most_common()[-1])
a, b = Counter(a=3, b=1, c=2), Counter(a=1, b=2, d=1)
print(a + b, a - b, a | b, a & b, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
a += Counter(c=-2)
print(a, Counter('ab') == Counter('ba'), Counter(a=1) <= Counter(a=2), Counter(a=1, b=0) == Counter(a=1))
del a['nope']
words = 'the quick the lazy the dog lazy'.split()
print(Counter(words).most_common(2), Counter(len(w) for w in words))
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError', e)

# ChainMap
base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), list(cm), cm.get('zz', 0), 'a' in cm)
print(cm, dict(cm), cm.maps[1] is base, list(cm.keys()), list(cm.items()), list(cm.values()))
child = cm.new_child({'a': 100})
child['d'] = 4
print(child['a'], child.parents['a'], child, cm.parents)
del child['d']
try:
    del child['b']
except KeyError as e:
    print('KeyError', e)
print(ChainMap(), bool(ChainMap({})), ChainMap({1: 2}).pop(1), ChainMap({'q': 1}).popitem())
try:
    ChainMap({}).popitem()
except KeyError as e:
    print('KeyError', e)

# UserDict / UserList
class UD(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
ud = UD(a=1)
ud.update({'b': 2})
print(ud, ud['a'], len(ud), ud.get('b'), list(ud), 'a' in ud, ud.data)
ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1:], len(ul), ul + [9], ul == [0, 1, 2, 3], ul.pop(), ul)
us = collections.UserString('Hello')
print(us, repr(us), us.upper(), type(us.lower()).__name__, us.split('l'), us[1:3], us + '!', len(us), 'ell' in us, us.find('l'))
print(sorted(collections.__all__))
