# struct: pack/unpack of every format code, byte orders, alignment, counts
import struct

for fmt in ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "e", "f", "d",
            "?", "c", "x", "s", "p", "P", "bi", "@bq", "=bq", "<bq", ">hd", "!I",
            "3i", "0s", "10s", "5p", "i i", "2x3h", "<2xi", "@ci", "@ihq?e", "b3sq", "?d?"]:
    print(repr(fmt), struct.calcsize(fmt))

vals = [("<b", -128), ("<b", 127), ("<B", 255), ("<h", -32768), (">H", 65535),
        ("<i", -2**31), (">I", 2**32 - 1), ("<l", -5), (">L", 7), ("<q", -2**63),
        (">Q", 2**64 - 1), ("n", -3), ("N", 2**63), ("<?", 5), ("<?", []),
        ("<c", b"z"), ("<e", 1.5), ("<e", -0.0), ("<e", 65504.0), ("<e", 1e-7),
        ("<e", 1/3), (">e", float("inf")), ("<f", 0.1), (">f", -2.5), ("<d", 0.1),
        (">d", 1e308), ("<f", float("inf")), ("<q", True)]
for fmt, v in vals:
    packed = struct.pack(fmt, v)
    print(fmt, repr(v), packed, struct.unpack(fmt, packed))

print(struct.pack("<hhl", 1, 2, 3))
print(struct.pack(">3s", b"abcdef"), struct.pack("5s", b"ab"), struct.pack("3p", b"abcdef"),
      struct.pack("5p", b"ab"), struct.pack("0p", b"x"))
print(struct.unpack("5p", b"\x09abcd"), struct.unpack("3s", b"xyz"), struct.unpack("?c2s", b"\x02xab"))
print(struct.pack("@bi", 1, 2), struct.pack("=bi", 1, 2), struct.pack("<4x"))
print(struct.unpack("<ihb", struct.pack("<ihb", -7, 300, -1)))
print(struct.unpack(">dfe", struct.pack(">dfe", 3.141592653589793, 3.141592653589793, 3.141592653589793)))
print(struct.pack("<e", float("nan")), struct.unpack("<e", b"\x00\x7e"), struct.unpack("<e", b"\x00\x04"))
print(struct.pack("d", 1), struct.pack("f", 2), struct.pack(b"<h", 9))

class Idx:
    def __index__(self):
        return 42
print(struct.pack("<i", Idx()))

s = struct.Struct("<hi")
print(s.format, s.size, s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00\x00\x00"))
print(struct.Struct(b">q").format, struct.Struct("3s").size)
buf = bytearray(10)
s.pack_into(buf, 2, -1, -2)
struct.pack_into(">h", buf, 0, 258)
print(buf, s.unpack_from(buf, 2), struct.unpack_from(">h", buf), struct.unpack_from("<b", buf, offset=9))
print(struct.unpack_from("<h", b"abcdef", -2), struct.unpack_from("<h", buffer=b"abcd", offset=1))
struct.pack_into("<h", buf, -2, 7)
print(buf)
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")))
print(list(s.iter_unpack(bytes(12))))
print(struct.unpack("<2h", bytearray(b"\x05\x00\x06\x00")))
