# io.BytesIO: reading, writing, seeking, truncation and errors
import io

b = io.BytesIO(b"line1\nline2\nlast")
print(b.readline(), b.readline(3), b.tell())
print(b.read(), b.read(), b.tell())
print(b.readlines())
b.seek(0)
print(b.readlines())
b.seek(0)
print([line for line in b])
b.seek(2)
print(b.write(b"XY"), b.getvalue(), b.tell())
print(b.seek(-3, 2), b.read(2), b.seek(-1, 1), b.read())
print(b.seek(30), b.write(b"!"), b.getvalue())
print(b.truncate(5), b.getvalue(), b.tell())
print(b.seek(-100, 1))
b.write(bytearray(b"ba"))
print(b.getvalue())
b.writelines([b"x", b"yz"])
print(b.getvalue(), b.read1(), b.readable(), b.writable(), b.seekable())
for bad in ["s", 1, None]:
    try:
        b.write(bad)
    except TypeError as e:
        print("TypeError:", e)
for call in [lambda: b.seek(-1), lambda: b.truncate(-1), lambda: b.seek(0, 5)]:
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
with io.BytesIO() as f:
    f.write(b"inside")
    print(f.getvalue())
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
empty = io.BytesIO()
print(empty.read(), empty.readline(), empty.getvalue(), empty.tell())
big = io.BytesIO()
for i in range(1000):
    big.write(bytes([i % 256]) * 3)
print(len(big.getvalue()), big.getvalue()[-6:])
print(io.BytesIO(b"abc").read(None), io.BytesIO(b"abc").read(-1), io.BytesIO(b"abc").read(0))
