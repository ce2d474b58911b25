# array.array errors: bad typecodes, overflow per typecode, index and type errors
from array import array

def show(f, *args):
    try:
        print(f(*args))
    except (TypeError, ValueError, OverflowError, IndexError) as e:
        print(type(e).__name__ + ":", e)

for tc in "bBhHiIlLqQ":
    for v in [2**70, 2**40, -2**40, 2**32, -1, 300, "x", 1.5]:
        show(array, tc, [v])
show(array, "f", ["x"])
show(array, "d", [None])
show(array, "z")
show(array, 1)
show(array, "ab")
show(array, "i", "abc")
show(array, "i", b"abc")
a = array("i", [1, 2, 3])
show(a.pop, 10)
show(array("i").pop)
show(lambda: a[10])
show(lambda: a["x"])
show(a.__setitem__, 10, 1)
show(a.__setitem__, 0, "s")
show(a.__delitem__, 5)
show(a.remove, 9)
show(a.index, 9)
show(a.extend, array("d"))
show(a.__setitem__, slice(0, 2), [1])
show(a.__setitem__, slice(0, 3, 2), array("i", [1]))
show(lambda: a + [1])
show(lambda: a + array("d"))
show(a.fromlist, (1,))
show(a.frombytes, b"abc")
show(a.frombytes, "abc")
try:
    hash(a)
except TypeError:
    print("unhashable")
b = array("i", [1])
show(b.fromlist, [1, "x"])
print(b)
show(b.extend, [4, "y"])
print(b)
show(b.__iadd__, [1])
show(b.append, 2**40)
print(b)
