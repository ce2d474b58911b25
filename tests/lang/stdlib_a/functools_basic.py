import functools
from functools import (wraps, update_wrapper, partial, reduce, lru_cache, cache,
                       total_ordering, cmp_to_key, cached_property, singledispatch,
                       partialmethod)

def deco(f):
    @wraps(f)
    def inner(*a, **k):
        """inner doc"""
        return f(*a, **k) + 1
    return inner

@deco
def add(a, b=2):
    """Add two numbers."""
    return a + b
add.extra = 'kept'
print(add(1), add.__name__, add.__doc__, add.__qualname__, add.__wrapped__(1), add.__module__)

def plain(x):
    "plain doc"
    return x
plain.tag = 5
def wrapper(*a):
    return plain(*a)
update_wrapper(wrapper, plain)
print(wrapper.__name__, wrapper.__doc__, wrapper.tag, wrapper.__wrapped__ is plain)

p = partial(int, base=2)
print(p('101'), p.func is int, p.args, p.keywords)
p2 = partial(pow, 2)
print(p2(10), partial(p2, 3)(), partial(p2, 3).args, partial(p2, 3).func is pow)
def kw(a, b, *, c=0):
    return (a, b, c)
pk = partial(kw, 1, c=5)
print(pk(2), pk(2, c=9), repr(partial(max)).startswith('functools.partial(<built-in function max>'))
try:
    partial(1)
except TypeError as e:
    print('TypeError', e)

print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10), reduce(max, [3, 9, 2]))
try:
    reduce(max, [])
except TypeError as e:
    print('TypeError', e)

calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print(sq(2), sq(3), sq(2), sq(4), sq(3), calls, sq.cache_info())
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters(), sq.__name__)

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@lru_cache(maxsize=None)
def ident(x, *, k=0):
    return (x, k)
print(ident(1), ident(1), ident(1, k=2), ident(1.0), ident.cache_info())

@lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed.cache_info().currsize)

@lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())

@cache
def fact(n):
    return n * fact(n - 1) if n else 1
print(fact(20), fact.cache_info().misses)

try:
    lru_cache('x')
except TypeError as e:
    print('TypeError', e)

@total_ordering
class Ver:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
a, b = Ver(1), Ver(2)
print(a < b, a > b, a <= b, a >= b, b >= a, a <= Ver(1), sorted(['__gt__' in Ver.__dict__, '__le__' in Ver.__dict__]))

@total_ordering
class G:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        return self.v > o.v
print(G(1) < G(2), G(1) >= G(2), G(2) <= G(2))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print('ValueError', e)

def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted('bca', key=cmp_to_key(lambda x, y: cmp(y, x))))
K = cmp_to_key(cmp)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4))

class Circle:
    def __init__(self, r):
        self.r = r
        self.n = 0
    @cached_property
    def area(self):
        self.n += 1
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, c.n, 'area' in c.__dict__, type(Circle.area).__name__)
del c.area
print(c.area, c.n)

@singledispatch
def show(x):
    return 'object ' + repr(x)
@show.register(int)
def _(x):
    return 'int %d' % x
@show.register
def _(x: list):
    return 'list of %d' % len(x)
print(show(1), show([1, 2]), show('s'), show(True), show.dispatch(bool).__name__ == '_')
print(show.registry.keys() >= {object, int, list})

class Cell:
    def __init__(self):
        self.state = False
    def set_state(self, state):
        self.state = state
    on = partialmethod(set_state, True)
cell = Cell()
cell.on()
print(cell.state)
