out = bytes(x * 2 for x in range(5))
print(out, list(out))
print(bytes(c ^ 0x20 for c in b"Hello"))
print(b"".join([b"ab", b"cd", bytes([101])]))
total = 0
for byte in b"\x01\x02\x03\xff":
    total += byte
print(total, sum(b"abc"), max(b"azb"), min(b"azb"))
print(sorted(b"dcba"), bytes(sorted(b"dcba")))
print(b"ab" * 3, 3 * b"-", b"%d-%s" % (5, b"x"))
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "big"))
