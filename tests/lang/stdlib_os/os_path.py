# os.path string algebra against CPython.
import os
import os.path
import posixpath
print(os.path is posixpath, os.sep, repr(os.linesep), os.devnull, os.name, os.pathsep)
cases = ["", "/", "//", "///", "a", "a/", "/a/b", "a/b/", "a//b", "./a", "../a", "a/./b/../c",
         "/../x", "//a//b/", "///a", "a/b/c.txt", ".bashrc", "a/.b.c", "..a", "a.b.c",
         "a/..", "/a/b/../../..", "x/../../y", ".", "..", "a.tar.gz", "dir.d/file"]
for p in cases:
    print(repr(p), os.path.split(p), os.path.splitext(p), repr(os.path.basename(p)),
          repr(os.path.dirname(p)), repr(os.path.normpath(p)), os.path.isabs(p))
print(os.path.join("a", "b", "c"), os.path.join("a/", "b"), os.path.join("a", "/b", "c"),
      os.path.join("", "x"), os.path.join("a", ""), os.path.join(b"a", b"b"))
try:
    os.path.join("a", b"b")
except TypeError as e:
    print("TypeError", e)
print(os.path.relpath("/a/b/c", "/a"), os.path.relpath("/a", "/a/b/c"), os.path.relpath("/a", "/a"))
print(os.path.commonprefix(["/usr/lib", "/usr/local", "/usr/li"]),
      os.path.commonpath(["/usr/lib", "/usr/local/x"]))
print(os.path.abspath("/x/./y/../z"), os.path.abspath("q") == os.path.join(os.getcwd(), "q"))
print(os.path.normpath(b"/a//b/../c"), os.path.splitext(b"f.py"))

class P:
    def __fspath__(self):
        return "p/q.txt"
print(os.fspath(P()), os.path.basename(P()), os.path.splitext(P()))
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError", e)
