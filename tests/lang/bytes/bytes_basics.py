b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1])
print(type(b[0]).__name__, type(b[0:1]).__name__)
print(list(b), bytes([104, 105]), bytes(3), bytes(), bytes("é", "utf-8"))
print(b + b" world", b * 2, b"x" in b"xyz", 120 in b"xyz", b"" in b"a")
print(b == b"hello", b < b"help", b"abc" != "abc")
for x in b"AB":
    print(x)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
