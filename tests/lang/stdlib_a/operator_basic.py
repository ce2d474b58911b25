import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2))
print(op.mod(7, 3), op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3), op.inv(5), op.invert(0))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 5), op.rshift(64, 2))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2))
print(op.not_(0), op.truth([]), op.truth([1]), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.concat("a", "b"), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1))
print(op.indexOf("abc", "c"), op.index(7), op.index(True))
d = {}
op.setitem(d, "k", 1)
print(d, op.getitem(d, "k"))
op.delitem(d, "k")
print(d)
l = [1, 2]
r = op.iadd(l, [3])
print(r is l, l, op.iadd(1, 2), op.imul("ab", 2), op.isub(5, 1), op.ior({1}, {2}))
print(op.itruediv(1, 4), op.ifloordiv(9, 2), op.imod(9, 4), op.ipow(3, 3), op.iconcat([1], [2]))
print(op.length_hint([1, 2, 3]), op.length_hint(iter(range(5))), op.length_hint(object(), 7))
print(op.call(max, 1, 5, 3), op.__add__(1, 1))

class Idx:
    def __index__(self):
        return 4
print(op.index(Idx()))
for bad in (lambda: op.index(1.5), lambda: op.concat(1, 2), lambda: op.indexOf([1], 5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

g = op.itemgetter(1)
print(g([10, 20, 30]), g("xyz"), repr(g))
g2 = op.itemgetter(0, 2, slice(1, None))
print(g2([1, 2, 3, 4]), repr(g2))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=op.itemgetter(1)))
print(op.itemgetter('a', 'b')({'a': 1, 'b': 2}))

class P:
    def __init__(self, x, child=None):
        self.x = x
        self.child = child
    def scale(self, k, add=0):
        return self.x * k + add
p = P(3, P(7, P(9)))
print(op.attrgetter('x')(p), op.attrgetter('child.x')(p), op.attrgetter('child.child.x')(p))
print(op.attrgetter('x', 'child.x')(p), repr(op.attrgetter('x', 'child.x')))
print(op.methodcaller('scale', 2)(p), op.methodcaller('scale', 2, add=1)(p))
print(repr(op.methodcaller('scale', 2, add=1)), op.methodcaller('upper')("abc"))
try:
    op.attrgetter('nope')(p)
except AttributeError as e:
    print('AttributeError', e)
try:
    op.attrgetter(1)
except TypeError as e:
    print('TypeError', e)
import functools
print(functools.reduce(op.mul, range(1, 10)))
print(list(map(op.add, [1, 2], [10, 20])))
