"""Cyclic GC under threads. Every worker builds cycles (instances, lists,
dicts, closures, bound methods, weak references with callbacks, objects
with __del__) while collections run, both automatic (a low threshold) and
explicit (gc.collect() from every thread); some threads block on a lock or
sleep while others collect. Invariants: live data is never touched by a
collection (each worker re-checks its kept objects), every __del__ runs
exactly once, every weakref callback runs at most once, and the garbage
really goes away (no leak: the number of live Node objects returns to the
number kept)."""
import gc
import threading
import time
import weakref
from _stress import args, run, until

N, SECONDS = args()
gc.set_threshold(200, 5, 5)

lock = threading.Lock()
# Finalizers and callbacks take no lock: a collection may run them while
# their own thread holds it. list.append is atomic.
dels = []
cbs = []
created = [0]
made_lock = threading.Lock()


class Node:
    def __init__(self, tag):
        self.tag = tag
        self.peer = None
        self.items = [tag, str(tag)]

    def check(self):
        return self.items == [self.tag, str(self.tag)]


class Final(Node):
    def __del__(self):
        assert not getattr(self, "_dead", False), "__del__ ran twice"
        self._dead = True
        dels.append(1)


def on_dead(w):
    cbs.append(1)


def make_garbage(i, n):
    a, b = Node((i, n)), Final((i, n, "f"))
    a.peer, b.peer = b, a
    d = {"a": a, "self": None}
    d["self"] = d
    a.d = d
    l = [b]
    l.append(l)
    b.l = l
    b.m = b.check                       # bound method cycle

    def clo():
        return clo, a                   # closure cycle
    a.clo = clo
    a.w = weakref.ref(b, on_dead)       # weakref whose callback may run
    return 1


def worker(i):
    kept = [Node((i, "keep", k)) for k in range(50)]
    for k, n in enumerate(kept):
        n.peer = kept[k - 1]            # live cycles that must survive
    deadline, n, finals = until(SECONDS), 0, 0
    while time.monotonic() < deadline:
        finals += make_garbage(i, n)
        n += 1
        if n % 500 == 0:
            gc.collect(n // 500 % 3)
        if i % 3 == 1 and n % 200 == 0:
            with lock:                  # others collect while we hold it
                time.sleep(0.001)
        if i % 3 == 2 and n % 300 == 0:
            lock.acquire()              # block on a lock someone holds
            lock.release()
        if n % 100 == 0:
            for k, node in enumerate(kept):
                assert node.check(), "kept node corrupted"
                assert node.peer is kept[k - 1], "kept cycle broken"
    with made_lock:
        created[0] += finals
    return n


counts = run(N, worker)
gc.collect()
gc.collect()
assert len(dels) == created[0], "__del__ ran %d times for %d objects" % (len(dels), created[0])
assert len(cbs) <= created[0], "callbacks ran %d times for %d objects" % (len(cbs), created[0])
live = sum(1 for o in gc.get_objects() if type(o) in (Node, Final))
assert live == 0, "%d Node objects still alive after the workers ended" % live
print("OK gc_threads threads=%d cycles=%d finalizers=%d" % (N, sum(counts), len(dels)))
