data = "naïve café €".encode("utf-8")
print(data)
print(data.decode("utf-8"), len(data), len(data.decode()))
print(b"abc".decode("ascii"), b"\xe9".decode("latin-1"))
print(b"\xff".decode("utf-8", "replace"), b"x\xffy".decode("ascii", "ignore"))
try:
    b"\xff".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
print(bytes("abc", "ascii") == b"abc", "abc".encode() == b"abc")
