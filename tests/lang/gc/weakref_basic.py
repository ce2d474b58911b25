# weakref.ref: dereference, callbacks (and their order), sharing, hash/eq.
import gc
import weakref

gc.disable()


class C:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "C(%r)" % self.v


o = C(1)
r = weakref.ref(o)
print(r() is o, r().v)
print("shared basic ref:", weakref.ref(o) is r)
print("count:", weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r])
print("type:", type(r) is weakref.ReferenceType, isinstance(r, weakref.ref))
print("callback attr:", r.__callback__)
del o
print("dead:", r(), weakref.getweakrefcount(C(0)))

# callbacks get the (dead) reference and run newest first
events = []
o = C(2)
r1 = weakref.ref(o, lambda w: events.append(("first", w() is None)))
r2 = weakref.ref(o, lambda w: events.append(("second", w() is None)))
r3 = weakref.ref(o)
print("distinct with callbacks:", r1 is not r2, r3 is not r1)
print("count:", weakref.getweakrefcount(o))
print("refs order:", [x is r3 for x in weakref.getweakrefs(o)])
del o
print("events:", events)


# a callback that receives its own ref and is only called once
def cb(w):
    events.append(("cb", w is r4))


events.clear()
o = C(3)
r4 = weakref.ref(o, cb)
del o

print("events:", events)

# a reference that dies before its referent: no callback
events.clear()
o = C(4)
r5 = weakref.ref(o, lambda w: events.append("never"))
del r5
del o
print("no callback:", events)

# hash and equality follow the referent while it lives
a, b = C(5), C(5)
ra, rb = weakref.ref(a), weakref.ref(b)
print("eq by referent identity:", ra == rb, ra == weakref.ref(a))
s1, s2 = "key-one", "key-two"


class K:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        return self.k == other.k


k1, k2 = K("x"), K("x")
w1, w2 = weakref.ref(k1), weakref.ref(k2)
print("eq via __eq__:", w1 == w2, hash(w1) == hash(k1))
h = hash(w1)
del k1
print("hash kept after death:", hash(w1) == h)
print("dead != live:", w1 == w2, w1 != w2, w1 == w1)
try:
    hash(weakref.ref(C(6)))
except TypeError as e:
    print("TypeError:", e)

# what can be weakly referenced
for obj in (1, "s", [1], {}, (1,), b"x"):
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError as e:
        print("TypeError:", e)


def f():
    pass


print("function:", weakref.ref(f)() is f)
print("class:", weakref.ref(C)() is C)
print("builtin type:", weakref.ref(int)() is int)
print("set:", weakref.ref(set())() is None)
print("frozenset:", weakref.ref(frozenset([1])) is not None)


class Slotted:
    __slots__ = ("x",)


class SlottedWeak:
    __slots__ = ("x", "__weakref__")


try:
    weakref.ref(Slotted())
except TypeError as e:
    print("TypeError:", e)
sw = SlottedWeak()
print("slots with __weakref__:", weakref.ref(sw)() is sw)

# weak references to objects in a cycle are cleared before the finalizers
log = []


class Fin:
    def __del__(self):
        log.append(("del", wr() is None))


x = Fin()
x.me = x
wr = weakref.ref(x, lambda w: log.append("callback"))
del x
gc.collect()
print("cycle:", log)


# subclass of ref with extra state
class Named(weakref.ref):
    pass


o = C(7)
n = Named(o)
n.name = "seven"
print("subclass:", n.name, n() is o, isinstance(n, weakref.ref))
