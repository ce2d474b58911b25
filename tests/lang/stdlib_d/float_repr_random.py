# Shortest round-trip float repr on ~2000 pseudo-random floats of every
# magnitude, raw bit patterns (subnormals, nan, inf included) and powers of
# two, whose lopsided rounding interval once produced 17-digit reprs.
import random
import struct

random.seed(20261125)
vals = []
for _ in range(900):
    vals.append(random.random() * 10 ** random.randint(-300, 300))
for _ in range(700):
    bits = random.getrandbits(64)
    vals.append(struct.unpack('<d', struct.pack('<Q', bits))[0])
for _ in range(150):
    # subnormals and the smallest normals
    bits = random.getrandbits(52) >> random.randint(0, 51)
    vals.append(struct.unpack('<d', struct.pack('<Q', bits))[0])
for e in range(-1074, 1024, 7):
    vals.append(2.0 ** e)
vals += [2 ** -24, 2.0 ** -1022, 5e-324, 1.7976931348623157e308, 0.1, 0.3, 1 / 3,
         9007199254740993.0, 1e16, 1e22, 1e23, 123456789012345678.0, 0.0, -0.0]

print(len(vals))
line = []
roundtrip_ok = 0
for i, v in enumerate(vals):
    r = repr(v)
    if r == 'nan' or float(r) == v:
        roundtrip_ok += 1
    line.append(r)
    if len(line) == 6:
        print(' '.join(line))
        line = []
print(' '.join(line))
print("round trip", roundtrip_ok)
# str, format with no spec, f-strings and %r go through the same digits
sample = vals[::97]
print([str(v) for v in sample])
print([format(-v, '') for v in sample])
print(' '.join(f"{v}|{v!r}" for v in sample[:8]))
print('%r %s' % (2 ** -24, -2 ** -24))
