"""Weak references across threads: half the workers create objects, publish
weak references to them in a shared ring, and drop them (some in cycles, so
the collector frees them); the other half dereference whatever is in the
ring. A dereference returns either None or an intact live object, never a
dying one; callbacks run once per object; WeakValueDictionary and WeakSet
entries disappear with their referents."""
import gc
import threading
import time
import weakref
from _stress import args, run, until

N, SECONDS = args()
WRITERS = max(1, N // 2)
RING = 64
ring = [None] * RING
fired = []          # list.append is atomic: callbacks take no lock (a
                    # collection may run them while their thread holds it)
made = [0] * 64


class Obj:
    def __init__(self, tag):
        self.tag = tag
        self.data = [tag] * 4


def callback(w):
    fired.append(1)


def writer(i):
    deadline, n = until(SECONDS), 0
    refs = []
    while time.monotonic() < deadline:
        o = Obj((i, n))
        if n % 3 == 0:
            o.me = o                      # only the collector frees this one
        w = weakref.ref(o, callback)
        ring[(i * 7 + n) % RING] = weakref.ref(o)
        refs.append(w)
        del o
        if len(refs) > 100:
            refs.pop(0)
        n += 1
        if n % 400 == 0:
            gc.collect(0)
    made[i] = n
    return n


def reader(i):
    deadline, seen = until(SECONDS), 0
    while time.monotonic() < deadline:
        for k in range(RING):
            r = ring[k]
            o = r() if r is not None else None
            if o is not None:
                assert o.data == [o.tag] * 4, "dereferenced a corrupted object"
                seen += 1
    return seen


def worker(i):
    return writer(i) if i < WRITERS else reader(i)


run(N, worker)
for k in range(RING):
    ring[k] = None
gc.collect()
assert len(fired) <= sum(made), "%d callbacks for %d objects" % (len(fired), sum(made))

wd, ws = weakref.WeakValueDictionary(), weakref.WeakSet()
objs = [Obj(k) for k in range(100)]
for o in objs:
    wd[o.tag] = o
    ws.add(o)
del o
assert len(wd) == 100 and len(ws) == 100
objs = None
gc.collect()
assert len(wd) == 0 and len(ws) == 0, "weak containers kept dead entries"
print("OK gc_weakref threads=%d callbacks=%d" % (N, len(fired)))
