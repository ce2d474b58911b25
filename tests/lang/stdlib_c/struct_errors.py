# struct.error messages and the other exceptions, as CPython raises them
import struct

print(issubclass(struct.error, Exception), struct.error.__name__, struct.error.__module__)

def show(f, *args):
    try:
        print(f(*args))
    except (struct.error, TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)

for fmt, v in [("b", 200), ("B", -1), ("h", 40000), ("H", -1), ("i", 2**31), ("I", -1),
               ("I", 2**32), ("l", 2**63), ("L", -1), ("q", 2**63), ("Q", -1), ("Q", 2**64),
               ("n", 2**63), ("N", -1), ("<i", 2**31), ("<I", 2**40), ("<l", 2**31),
               ("<L", 2**32), ("<q", 2**64), ("<Q", -1), (">h", 2**15), ("<b", 2**70),
               ("<B", 2**40), ("<H", 2**40), ("b", "x"), ("i", 1.5), ("i", None),
               ("f", "x"), ("d", 2**2000), ("<f", 1e300), ("e", 1e6), ("e", 65520.0),
               ("c", b"ab"), ("c", "a"), ("s", "a"), ("p", 3)]:
    show(struct.pack, fmt, v)
for fmt in ["3", "z", "3 i", "<P", "<n", "<N", "i$"]:
    show(struct.calcsize, fmt)
show(struct.calcsize, 12)
show(struct.pack, "ii", 1)
show(struct.pack, "i", 1, 2)
show(struct.pack, "x", 1)
show(struct.unpack, "i", b"abc")
show(struct.unpack, "i", "abcd")
show(struct.unpack_from, "i", b"abcdefgh", 6)
show(struct.unpack_from, "i", b"abcdefgh", -2)
show(struct.unpack_from, "i", b"abcdefgh", -20)
show(struct.pack_into, "i", bytearray(4), 2, 1)
show(struct.pack_into, "i", bytearray(4), -8, 1)
show(struct.pack_into, "i", bytearray(4), -2, 1)
show(struct.pack_into, "i", b"abcd", 0, 1)
show(struct.pack_into, "i", bytearray(4), 0)
show(lambda: list(struct.iter_unpack("i", b"abcde")))
show(struct.iter_unpack, "", b"")
show(struct.Struct, 5)
show(struct.Struct("i").pack)
for fmt in ["<h", ">h", "!h", "=h", "<H", ">H", ">b", ">B", ">I", ">L"]:
    for v in [70000, -1, 2**40]:
        show(struct.pack, fmt, v)
show(struct.unpack_from, "h", b"abcd", -1)
show(struct.unpack_from, "h", b"abcd", -2)
show(struct.unpack_from, "h", b"abcd", 3)
show(struct.pack_into, "h", bytearray(4), -1, 1)
show(struct.pack_into, "h", bytearray(4), 3, 1)
show(struct.pack_into, "h", bytearray(4), 4, 1)
