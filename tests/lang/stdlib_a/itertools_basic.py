import itertools as it
from itertools import (count, cycle, repeat, chain, islice, product, permutations,
                       combinations, combinations_with_replacement, accumulate,
                       zip_longest, groupby, starmap, tee, takewhile, dropwhile,
                       filterfalse, compress, pairwise)
import operator

c = count()
print(next(c), next(c), next(c), repr(c))
print(list(islice(count(5, 3), 4)), list(islice(count(1.5, 0.5), 3)), repr(count(2, -1)), repr(count(1.0)))
print(list(islice(cycle('abc'), 7)), list(cycle([])))
print(list(repeat('x', 3)), list(repeat(1, -1)), repr(repeat(7)), repr(repeat(7, 2)))
r = repeat(1, 3); next(r); print(repr(r), operator.length_hint(r))
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(islice('abcdefg', 3)), list(islice('abcdefg', 2, 5)), list(islice('abcdefg', 1, None, 2)))
print(list(islice(range(10), 0, 9, 3)), list(islice('ab', 5, 10)), list(islice('abc', None)))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
print(list(product('ab', range(2))), list(product([1, 2], repeat=2)))
print(list(product()), list(product('ab', [])), len(list(product(range(3), repeat=3))))
print(list(permutations('abc')), list(permutations(range(4), 2))[:7])
print(list(permutations([1, 2], 3)), list(permutations([], 0)), len(list(permutations(range(5)))))
print(list(combinations('abcd', 2)), list(combinations(range(5), 3))[-3:], list(combinations('ab', 3)))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement('a', 0)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([], initial=5)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2], initial=10)), list(accumulate('abc')))
print(list(zip_longest('abc', 'x')), list(zip_longest([1, 2], [3], fillvalue=0)), list(zip_longest()))
print([(k, list(g)) for k, g in groupby('aaabbcaa')])
print([(k, list(g)) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = list(groupby('aabbb'))
print([(k, list(g)) for k, g in groups])
g = groupby('xxyy')
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g2), list(g1))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(filterfalse(lambda x: x % 2, range(7))), list(filterfalse(None, [0, 1, '', 'a'])))
print(list(compress('abcdef', [1, 0, 1, 0, 1, 1])), list(pairwise('abcd')), list(pairwise('a')))
a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a))
t = tee('xyz', 3)
print(len(t), [list(x) for x in t], tee([1], 0))
a, b = tee(range(3))
c2, d2 = tee(a)
print(list(c2), list(d2), list(b))
for bad in (lambda: islice('a', -1), lambda: islice('a', 0, 1, 0), lambda: islice('a', 'x', 2),
            lambda: permutations('a', -1), lambda: combinations('a', -2), lambda: count('a'),
            lambda: product('a', repeat=-1), lambda: tee('a', -1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sum(x * y for x, y in product(range(20), repeat=2)))
print(list(zip(count(), 'ab')), dict(zip('abc', count(1))))
c = count(10, 2.5)
next(c)
print(c, repr(count()), count(1, 1.0), count(-3), c.__reduce__())
class SubCount(count):
    pass
sc = SubCount(5)
print(next(sc), sc, isinstance(sc, count), type(count(1)).__name__, count.__module__)
for bad in (lambda: count(1, 'x'), lambda: count(1, 2, 3), lambda: count(start=[])):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(next(count(start=5, step=-1)), list(zip(count(2**70), 'ab')), list(zip(count(0.5, 0.25), 'abc')))
it = iter(range(10))
print(list(islice(it, 0, 6, 2)), next(it), list(islice(iter(range(10)), 5, 3)))
