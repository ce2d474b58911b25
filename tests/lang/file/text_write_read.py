path = "/tmp/tandem_lang_text_write_read.txt"
with open(path, "w") as f:
    n = f.write("first line\n")
    f.write("second line\n")
    f.write("third")
print("wrote", n)
with open(path) as f:
    print(repr(f.read()))
with open(path, "r") as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(path) as f:
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"))
with open(path, "a") as f:
    f.write("\nappended")
with open(path) as f:
    lines = f.read().splitlines()
print(len(lines), lines[-1])
with open(path) as f:
    print(repr(f.read(5)), repr(f.read(6)))
    f.seek(0)
    print(repr(f.read(5)))
with open(path, "w") as f:
    pass
with open(path) as f:
    print(repr(f.read()))
