path = "/tmp/tandem_lang_binary_write_read.bin"
data = bytes(range(256))
with open(path, "wb") as f:
    print(f.write(data))
    f.write(b"\x00tail")
with open(path, "rb") as f:
    content = f.read()
print(len(content), content[:4], content[-5:], content[:256] == data)
with open(path, "rb") as f:
    print(f.read(3), f.read(2), len(f.read()))
with open(path, "ab") as f:
    f.write(b"more")
with open(path, "rb") as f:
    print(f.read()[-9:])
with open(path, "wb") as f:
    f.write("héllo".encode("utf-8"))
with open(path, "rb") as f:
    raw = f.read()
print(raw, raw.decode("utf-8"))
with open(path, "r", encoding="utf-8") as f:
    print(f.read())
with open(path, "wb") as f:
    pass
