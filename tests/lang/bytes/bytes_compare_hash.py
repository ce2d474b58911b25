print(b"a" < b"b", b"ab" < b"abc", b"\xff" > b"\x00", b"" < b"\x00")
print(sorted([b"b", b"a", b"ab", b""]))
d = {b"key": 1}
print(d[b"key"], b"key" in d, "key" in d)
print(b"abc" == bytearray(b"abc"), b"abc" == "abc")
print(hash(b"xy") == hash(b"x" + b"y"))
print(bytes(b"ab") == b"ab", isinstance(b"", bytes))
