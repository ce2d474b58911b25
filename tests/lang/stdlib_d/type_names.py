# Types defined by (extension-style) modules are named with their module in
# messages and reprs, as CPython's tp_name does ('collections.deque'), while
# __name__/__qualname__ stay short.
import array
import collections
import io
import itertools
import struct
import threading
import weakref

class Plain:
    pass

samples = [collections.deque([1]), array.array('i', [1]), list[int], itertools.count(),
           io.StringIO(), io.BytesIO(), threading.Lock(), weakref.ref(Plain), struct.Struct('i'),
           Plain(), [1], {}, 1.5, range(2)]

def err(f):
    try:
        f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return "no error"

for o in samples:
    t = type(o)
    print(repr(t), t.__name__, t.__qualname__, t.__module__)
    print("  ", err(lambda: hash(o)))
    print("  ", err(lambda: o - 1.5))
    print("  ", err(lambda: 2 ** o))
    print("  ", err(lambda: len(o)))
    print("  ", err(lambda: o.no_such_attr))
    print("  ", err(lambda: o()))
    print("  ", err(lambda: o < "x"))
    print("  ", err(lambda: iter(o) if not hasattr(o, "__iter__") else next(o)))
    print("  ", err(lambda: t.no_such_attr))
    print("  ", err(lambda: [][o]))

d = collections.deque
print(repr(d.append), d.append.__qualname__, d.append.__name__)
print(repr(array.array.tobytes), array.array.tobytes.__qualname__)
print(err(lambda: d.append([], 1)))
print(err(lambda: {collections.deque(): 1}))
print(err(lambda: {array.array('b')}))
print(err(lambda: collections.deque() + [1]))
print(err(lambda: "%d" % collections.deque()))
print(err(lambda: int(collections.deque())))
print(err(lambda: sorted([collections.deque(), collections.deque()])))
print(collections.deque.__name__, array.array.__name__, type(list[int]).__name__)
print(sorted(n for n in dir(collections) if n == "deque"), sorted(n for n in dir(array) if n == "array"))
