# The gc module's interface: settings, counts, callbacks, garbage, introspection.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.disable()

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError")

c = gc.get_count()
print(type(c).__name__, len(c), all(type(x) is int and x >= 0 for x in c))
gc.collect()
print("gen 0 count after collect < 50:", gc.get_count()[0] < 50)

for g in (0, 1, 2):
    print("collect", g, "->", type(gc.collect(g)).__name__)
print(gc.collect(generation=2) >= 0)
for bad in (-1, 3):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)

stats = gc.get_stats()
print(len(stats), sorted(stats[0]))


class Node:
    pass


# tracking
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(Node()), gc.is_tracked([]))

# callbacks: start and stop around each collection
phases = []


def cb(phase, info):
    phases.append((phase, info["generation"], sorted(info)))


gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(phases)
gc.collect()
print(len(phases))

# DEBUG_SAVEALL keeps the garbage in gc.garbage
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
n = Node()
n.me = n
n.tag = "saved"
del n
gc.collect()
saved = [o for o in gc.garbage if type(o) is Node]
print("saved:", len(saved), saved[0].tag)
gc.set_debug(0)
del saved
gc.garbage.clear()
gc.collect()
print(gc.garbage)

# referents and referrers
a = Node()
b = [a, "x"]
print(a in gc.get_referents(b), "x" in gc.get_referents(b))
print(any(r is b for r in gc.get_referrers(a)))
print(any(o is b for o in gc.get_objects()))
print(gc.get_freeze_count())
