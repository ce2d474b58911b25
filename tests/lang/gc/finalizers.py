# __del__ in cycles: runs once per object (PEP 442), resurrection, errors.
import gc
import sys

gc.disable()
gc.collect()

log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


# finalizers of a cycle run during the collection that frees it
a, b = D("a"), D("b")
a.p, b.p = b, a
del a, b
print("before collect:", log)
gc.collect()
print("after collect:", sorted(log))
log.clear()

# a non-cyclic object is finalized at once by reference counting
x = D("plain")
del x
print("plain:", log)
log.clear()

# resurrection: __del__ stores self in a global
saved = []


class Phoenix:
    def __init__(self):
        self.me = self

    def __del__(self):
        log.append("phoenix del")
        saved.append(self)


p = Phoenix()
del p
gc.collect()
print("resurrected:", len(saved), log)
print("is_finalized:", gc.is_finalized(saved[0]))
log.clear()
saved.clear()          # dies again, still a cycle
gc.collect()
print("second death runs __del__ again?", log)


# an object resurrected by a finalizer keeps what it references alive
class Keeper:
    def __del__(self):
        saved.append(self.child)


class Child:
    pass


k = Keeper()
c = Child()
c.value = "child data"
k.child = c
c.parent = k
del k, c
gc.collect()
print("child after resurrection:", saved[0].value, type(saved[0].parent).__name__)
saved.clear()
gc.collect()


# __del__ that raises: reported, then ignored
class Bad:
    def __del__(self):
        raise ValueError("boom in __del__")


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


cap = Capture()
old = sys.stderr
sys.stderr = cap
b = Bad()
del b
bb = Bad()
bb.me = bb
del bb
gc.collect()
sys.stderr = old
lines = "".join(cap.parts).splitlines()
for line in lines:
    if line.startswith("Exception ignored in:"):
        print(line.split(" at 0x")[0])
    elif not line.startswith(" "):
        print(line)


# finalizers see the objects of their cycle intact
class Pair:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append((self.name, self.other.name))


log.clear()
a, b = Pair("left"), Pair("right")
a.other, b.other = b, a
del a, b
gc.collect()
print("intact:", sorted(log))
print("done")
