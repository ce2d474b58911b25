# array.array: construction, indexing, slicing, mutation, conversion, repr
from array import array
import array as array_module

print(array_module.typecodes)
for tc in "bBhHiIlLqQfd":
    a = array(tc, [1, 2, 3])
    print(tc, a.typecode, a.itemsize, len(a), a, a.tolist(), a.tobytes())
print(array("i"), array("d", []), repr(array("f", [0.1, 2.5])))
a = array("i", range(10))
print(a[0], a[-1], a[2:5], a[::3], a[::-2], a[5:2], a[-3:])
a[0] = 100
a[-1] = -100
print(a)
a[1:3] = array("i", [7, 8, 9, 10])
print(a)
a[::2] = array("i", [0] * len(a[::2]))
print(a)
del a[0]
del a[1:3]
del a[::3]
print(a, len(a))
a.append(5)
a.extend([6, 7])
a.extend(array("i", [8]))
a.extend(x * x for x in range(3))
a.insert(0, -1)
a.insert(-1, -2)
a.insert(100, -3)
a.insert(-100, -4)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(8)
print(a, a.index(0), a.count(0), 7 in a, 99 in a, a.index(0, 3))
a.reverse()
print(a)
b = array("h", b"\x01\x00\x02\x00")
print(b, bytes(b))
b.frombytes(b"\x03\x00")
b.fromlist([4, 5])
print(b, b.tobytes())
b.byteswap()
print(b)
c = array("d", [1.5, float("inf"), 2])
print(c, c[1], c + array("d", [3]), c * 2, 2 * c)
c += array("d", [9.0])
c *= 2
print(c)
print(array("i", [1, 2]) == array("d", [1.0, 2.0]), array("i", [1, 2]) < array("i", [1, 3]),
      array("b", [1]) != array("b", [1]), array("i") == array("i"))
print(array("d", array("i", [3])), array("b", bytearray(b"\xff")))
print(list(array("Q", [2**64 - 1, 0])), array("q", [-2**63]), array("L", [2**64 - 1]))
print(sum(array("f", [0.5, 0.25])), sorted(array("i", [3, 1, 2])), max(array("B", b"hello")))
copy = a.__copy__()
copy.append(1)
print(len(a) + 1 == len(copy))
class Sub(array):
    pass
s = Sub("i", [1, 2])
print(type(s).__name__, s.tolist(), isinstance(s, array))
x = array("i", [1, 2, 3])
x[:] = x
x[1:1] = x
print(x)
for v in array("b", [-1, 0, 1]):
    print(v, end=" ")
print()
