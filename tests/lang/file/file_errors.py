try:
    open("/tmp/tandem_lang_definitely_missing_dir/none.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, isinstance(e, OSError))
path = "/tmp/tandem_lang_file_errors.txt"
with open(path, "w") as f:
    f.write("x")
    print(f.closed)
print(f.closed)
try:
    f.write("more")
except ValueError as e:
    print("ValueError:", e)
try:
    with open(path) as g:
        g.write("nope")
except OSError as e:
    print("cannot write to file opened for reading:", isinstance(e, OSError))
f2 = open(path)
print(f2.read())
f2.close()
print(f2.closed)
with open(path, "w") as f:
    pass
