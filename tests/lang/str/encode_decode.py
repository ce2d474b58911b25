s = "héllo €"
b = s.encode()
print(b, len(s), len(b))
print(b.decode(), b.decode("utf-8") == s)
print(s.encode("utf-8"), "abc".encode("ascii"))
print("日本".encode("utf-8"), "😀".encode())
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"))
print(s.encode("latin-1", "replace"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.start, e.end)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.start)
print(b"\xe9t\xe9".decode("latin-1"), b"caf\xc3\xa9".decode())
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
