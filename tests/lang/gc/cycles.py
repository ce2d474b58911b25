# Cycles that reference counting cannot free are found by gc.collect().
# Weak references show whether each object is still alive.
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    def __init__(self, name):
        self.name = name


def alive(refs):
    return [r() is not None for r in refs]


# two instances pointing at each other
a, b = Node("a"), Node("b")
a.other, b.other = b, a
refs = [weakref.ref(a), weakref.ref(b)]
del a, b
print("pair before:", alive(refs))
print("found >= 2:", gc.collect() >= 2)
print("pair after:", alive(refs))

# a self-referencing list held by an instance
n = Node("list-holder")
l = [n]
l.append(l)
n.items = l
r = weakref.ref(n)
del n, l
gc.collect()
print("self list:", r() is None)

# a dict cycle
n = Node("dict")
d = {"n": n}
d["d"] = d
n.d = d
r = weakref.ref(n)
del n, d
gc.collect()
print("dict cycle:", r() is None)

# a tuple inside the cycle
n = Node("tuple")
n.t = (1, "x", n)
r = weakref.ref(n)
del n
gc.collect()
print("tuple cycle:", r() is None)

# a set holding an object whose attribute refers to the set (via a list)
n = Node("set")
s = {n}
n.back = [s]
r = weakref.ref(n)
del n, s
gc.collect()
print("set cycle:", r() is None)


# a class whose attribute is one of its instances
def make_class():
    class Registry:
        pass
    Registry.default = Registry()
    return weakref.ref(Registry)


r = make_class()
gc.collect()
print("class <-> instance:", r() is None)


# a closure that refers to itself through its cell
def make_recursive():
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact


f = make_recursive()
print("fact(5) =", f(5))
r = weakref.ref(f)
del f
gc.collect()
print("recursive closure:", r() is None)


# an object storing one of its own bound methods
class Holder:
    def __init__(self):
        self.cb = self.method

    def method(self):
        return 42


h = Holder()
print("bound method:", h.cb())
r = weakref.ref(h)
del h
gc.collect()
print("bound method cycle:", r() is None)


# an exception kept in a local of the frame its traceback references
def keep_exception():
    obj = Node("frame-local")
    try:
        raise ValueError("kept")
    except ValueError as e:
        saved = e
    return weakref.ref(obj), saved


r, e = keep_exception()
print("exception:", e)
del e
gc.collect()
print("traceback/frame cycle:", r() is None)


# a generator that references itself
def gen():
    me = yield 1
    yield me


g = gen()
next(g)
g.send(g)
r = weakref.ref(g)
del g
gc.collect()
print("generator cycle:", r() is None)

# a long ring
first = prev = Node(0)
for i in range(1, 1000):
    cur = Node(i)
    prev.next = cur
    prev = cur
prev.next = first
r = weakref.ref(first)
del first, prev, cur
print("ring found >= 1000:", gc.collect() >= 1000)
print("ring:", r() is None)

# reachable objects survive a collection untouched
keep = Node("kept")
keep.me = keep
gc.collect()
print("reachable kept:", keep.me.name)

# cycles that hang off garbage but are referenced from outside survive
outer = Node("outer")
inner = Node("inner")
inner.me = inner
outer.inner = inner
outer.me = outer
ri = weakref.ref(inner)
del outer
gc.collect()
print("inner survives (still referenced):", ri() is inner)
del inner
gc.collect()
print("inner freed:", ri() is None)
print("nothing left:", gc.collect())
