from collections import abc
import collections.abc
from collections.abc import (Iterable, Iterator, Generator, Sized, Container, Callable, Hashable,
                             Sequence, MutableSequence, Mapping, MutableMapping, Set, MutableSet,
                             Collection, Reversible, KeysView, ItemsView, ValuesView, MappingView,
                             ByteString, Awaitable, Coroutine, AsyncIterable, AsyncIterator)
from collections import deque, OrderedDict, defaultdict, Counter, namedtuple, ChainMap

print(abc is collections.abc, Iterable, repr(MutableMapping), Sized.__module__)

def gen():
    yield 1

samples = [1, 1.5, 'ab', b'ab', bytearray(b'x'), [1], (1,), {1: 2}, {1}, frozenset(), range(3),
           iter([]), gen(), len, lambda: 0, None, {}.keys(), {}.items(), {}.values(),
           deque(), OrderedDict(), defaultdict(int), Counter(), ChainMap(), namedtuple('T', 'a')(1)]
abcs = [Iterable, Iterator, Generator, Sized, Container, Callable, Hashable, Collection, Reversible,
        Sequence, MutableSequence, Mapping, MutableMapping, Set, MutableSet, MappingView, KeysView,
        ItemsView, ValuesView, ByteString]
print(' ' * 14 + ' '.join(a.__name__[:4] for a in abcs))
for s in samples:
    name = type(s).__name__
    print('%-14s' % name[:14] + ' '.join('%4s' % ('X' if isinstance(s, a) else '.') for a in abcs))

class MyIter:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
class OnlyLen:
    def __len__(self):
        return 0
class NoHash:
    __hash__ = None
class Call:
    def __call__(self):
        pass
class Cont:
    def __contains__(self, x):
        return False
print(isinstance(MyIter(), Iterator), isinstance(MyIter(), Iterable), isinstance(MyIter(), Sized))
print(issubclass(OnlyLen, Sized), issubclass(OnlyLen, Collection), isinstance(NoHash(), Hashable))
print(isinstance(Call(), Callable), isinstance(Cont(), Container), issubclass(Call, Iterable))
print(issubclass(list, Sequence), issubclass(dict, Sequence), issubclass(str, MutableSequence))

class MySeq(Sequence):
    def __init__(self, *items):
        self.items = items
    def __getitem__(self, i):
        return self.items[i]
    def __len__(self):
        return len(self.items)
s = MySeq(1, 2, 3, 2)
print(list(s), 2 in s, 9 in s, s.index(2), s.count(2), list(reversed(s)), isinstance(s, Reversible))
try:
    s.index(9)
except ValueError:
    print('ValueError')

class MyMap(Mapping):
    def __init__(self, **kw):
        self.d = kw
    def __getitem__(self, k):
        return self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)
m = MyMap(a=1, b=2)
print(m.get('a'), m.get('z', 0), 'a' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'a': 1, 'b': 2})
print(isinstance(m.keys(), KeysView), m.keys() & {'a', 'q'}, m.keys() | {'c'} == {'a', 'b', 'c'}, ('a', 1) in m.items())

class MyMut(MutableMapping):
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)
mm = MyMut()
mm.update({'x': 1}, y=2)
mm.setdefault('z', 3)
print(sorted(mm.items()), mm.pop('x'), mm.popitem(), len(mm))
mm.clear()
print(len(mm), mm.pop('nope', 'd'))

class MySet(Set):
    def __init__(self, it=()):
        self.s = list(dict.fromkeys(it))
    def __contains__(self, x):
        return x in self.s
    def __iter__(self):
        return iter(self.s)
    def __len__(self):
        return len(self.s)
a, b = MySet('abc'), MySet('bcd')
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= MySet('abcd'), a == MySet('cba'), a.isdisjoint('xyz'))

class MyList(MutableSequence):
    def __init__(self):
        self.l = []
    def __getitem__(self, i):
        return self.l[i]
    def __setitem__(self, i, v):
        self.l[i] = v
    def __delitem__(self, i):
        del self.l[i]
    def __len__(self):
        return len(self.l)
    def insert(self, i, v):
        self.l.insert(i, v)
ml = MyList()
ml.append(1)
ml.extend([2, 3])
ml += [4]
ml.reverse()
ml.remove(2)
print(ml.l, ml.pop(), ml.pop(0), ml.l)

class Incomplete(Sequence):
    pass
try:
    Incomplete()
except TypeError as e:
    print('TypeError', e)

class Reg:
    pass
Sized.register(Reg)
print(issubclass(Reg, Sized), isinstance(Reg(), Sized), issubclass(Reg, Iterable))
print(isinstance(gen(), Generator), isinstance(iter(range(2)), Iterator), isinstance(gen, Callable))

# Subscripted in annotations
print(Iterable[int], Mapping[str, int], Sequence[tuple], Callable[[int], str], deque[int])
from collections import defaultdict as _dd
print(_dd[str, list], OrderedDict[str, int], Counter[str])
def annotated(q: deque[int], m: MutableMapping[str, Iterator[int]]) -> Iterable[str]:
    return q
print(annotated.__annotations__['q'], annotated.__annotations__['return'])
