# io.IOBase hierarchy: isinstance of the built-in streams, user streams built on the defaults
import io, sys
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase),
      isinstance(io.StringIO(), io.IOBase), isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stdout, io.IOBase))
print(issubclass(io.TextIOBase, io.IOBase), issubclass(io.RawIOBase, io.IOBase), issubclass(io.BytesIO, io.TextIOBase))
class Upper(io.TextIOBase):
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s.upper())
        return len(s)
    def writable(self):
        return True
u = Upper()
print("hello", "world", file=u)
u.writelines(["a", "b"])
print(u.parts, u.closed, u.writable(), u.readable(), u.seekable())
with u:
    pass
print(u.closed)
try:
    u.flush()
except ValueError as e:
    print("ValueError:", e)
class Src(io.RawIOBase):
    def __init__(self, data):
        self.data, self.pos = data, 0
    def read(self, n=-1):
        r = self.data[self.pos:self.pos + n]
        self.pos += len(r)
        return r
s = Src(b"ab\ncd\nef")
print(s.readline(), list(s))
try:
    s.fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
try:
    type(sys.stdout)()
except TypeError as e:
    print("TypeError")
