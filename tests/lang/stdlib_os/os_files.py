# Files and directories: create, stat, list, rename, remove, in a private
# temporary directory that the test removes again.
import os

base = os.path.join(os.getcwd(), "_tmp_os_files_%d" % os.getpid())
os.mkdir(base)
try:
    f = os.path.join(base, "a.txt")
    with open(f, "w") as fh:
        fh.write("hello")
    st = os.stat(f)
    print(st.st_size, type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__,
          oct(st.st_mode & 0o170000), st[6], len(st), isinstance(st, tuple))
    print(abs(st.st_mtime - st.st_mtime_ns / 1e9) < 1e-3, st.st_mtime >= st[8])
    print(os.path.exists(f), os.path.isfile(f), os.path.isdir(f), os.path.getsize(f))
    print(os.path.exists(base), os.path.isdir(base), os.path.isfile(base))
    os.makedirs(os.path.join(base, "x", "y", "z"))
    os.makedirs(os.path.join(base, "x", "y"), exist_ok=True)
    try:
        os.makedirs(os.path.join(base, "x", "y"))
    except FileExistsError as e:
        print("FileExistsError", e.errno, e.strerror, os.path.basename(e.filename))
    print(sorted(os.listdir(base)))
    os.rename(f, os.path.join(base, "b.txt"))
    print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "x"))))
    print([e.name for e in sorted(os.scandir(base), key=lambda e: e.name)])
    walked = [(os.path.relpath(d, base), sorted(ds), sorted(fs)) for d, ds, fs in os.walk(base)]
    print(walked)
    os.remove(os.path.join(base, "b.txt"))
    os.rmdir(os.path.join(base, "x", "y", "z"))
    os.rmdir(os.path.join(base, "x", "y"))
    os.rmdir(os.path.join(base, "x"))
    print(os.listdir(base))
    cwd = os.getcwd()
    os.chdir(base)
    print(os.getcwd() == os.path.realpath(base), os.listdir())
    os.chdir(cwd)
    for call in (lambda: os.stat("no_such_file"), lambda: os.remove("no_such_file"),
                 lambda: os.rmdir("no_such_dir"), lambda: os.listdir("no_such_dir"),
                 lambda: os.rename("no_such_a", "no_such_b"), lambda: os.mkdir(base),
                 lambda: os.rmdir(os.path.join(base, ".."))):
        try:
            call()
        except OSError as e:
            print(type(e).__name__, e.errno, str(e).replace(base, "BASE").replace(cwd, "CWD"))
    try:
        open(os.path.join(base, "nope", "x"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    print(os.strerror(2), os.strerror(13))
    print(len(os.urandom(16)), type(os.urandom(0)).__name__)
finally:
    for d, ds, fs in list(os.walk(base, topdown=False)):
        for n in fs:
            os.remove(os.path.join(d, n))
        for n in ds:
            os.rmdir(os.path.join(d, n))
    os.rmdir(base)
print(os.path.exists(base))
