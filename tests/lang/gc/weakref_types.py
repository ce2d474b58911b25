# proxy, finalize and the weak containers.
import gc
import weakref

gc.disable()


class C:
    def __init__(self, v):
        self.v = v

    def double(self):
        return self.v * 2

    def __repr__(self):
        return "C(%r)" % self.v


# proxy
o = C(21)
p = weakref.proxy(o)
print(p.v, p.double())
p.v = 5
print(o.v)
del o
try:
    p.v
except ReferenceError as e:
    print("ReferenceError:", e)


def adder(x, y):
    return x + y


cp = weakref.proxy(adder)
print("callable proxy:", cp(2, 3))
l = C([1, 2, 3])
lp = weakref.proxy(l.v) if False else None
events = []
o = C(1)
p = weakref.proxy(o, lambda pr: events.append("proxy callback"))
del o
print(events)

# finalize
events = []
o = C(2)
f = weakref.finalize(o, events.append, "finalized")
print("alive:", f.alive, f.peek()[1] is events.append)
del o
print(events, f.alive)
o = C(3)
f = weakref.finalize(o, lambda a, b=0: events.append(a + b), 10, b=5)
print("call:", f(), f(), events[-1], f.alive)
o2 = C(4)
f2 = weakref.finalize(o2, events.append, "never")
print("detach:", f2.detach()[0] is o2, f2.alive)
del o2
print(events[-1])

# WeakValueDictionary
d = weakref.WeakValueDictionary()
a, b = C("a"), C("b")
d["a"] = a
d["b"] = b
print(sorted(d.keys()), d["a"], "a" in d, len(d))
del a
print(sorted(d.keys()), "a" in d, len(d), d.get("a", "gone"))
try:
    d["a"]
except KeyError as e:
    print("KeyError:", e)
print(sorted(v.v for v in d.values()), [(k, v.v) for k, v in d.items()])
print(d.pop("b").v, len(d))
print(d.setdefault("z", b).v, len(d))
del b
print(len(d))

# WeakKeyDictionary
kd = weakref.WeakKeyDictionary()
k1, k2 = C(1), C(2)
kd[k1] = "one"
kd[k2] = "two"
print(len(kd), kd[k1], k2 in kd, sorted(kd.values()))
del k1
print(len(kd), sorted(k.v for k in kd.keys()), kd.get(k2))
del kd[k2]
print(len(kd))

# WeakSet
ws = weakref.WeakSet()
x, y = C("x"), C("y")
ws.add(x)
ws.add(y)
ws.add(x)
print(len(ws), x in ws, sorted(i.v for i in ws))
del x
print(len(ws), sorted(i.v for i in ws))
ws.discard(y)
print(len(ws), y in ws)


# entries in cycles go away when the cycle is collected
class Cyc:
    pass


d = weakref.WeakValueDictionary()
c = Cyc()
c.me = c
d[1] = c
del c
print("before collect:", len(d))
gc.collect()
print("after collect:", len(d))
