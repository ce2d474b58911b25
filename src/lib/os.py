"""OS routines for POSIX: the posix module's calls, os.environ, os.path and
the helpers built on them (makedirs, walk, scandir, stat_result)."""

import sys
import posix
from posix import *
from posix import _exit
import posixpath as path

sys.modules["os.path"] = path

name = "posix"
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
defpath = path.defpath
devnull = path.devnull
linesep = "\n"
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
error = OSError

__all__ = ["path", "name", "sep", "altsep", "extsep", "pathsep", "curdir", "pardir",
           "defpath", "devnull", "linesep", "environ", "getenv", "putenv", "unsetenv",
           "getpid", "getppid", "cpu_count", "sched_getaffinity", "sched_setaffinity",
           "getcwd", "chdir", "listdir", "scandir", "walk", "mkdir", "makedirs", "rmdir",
           "removedirs", "remove", "unlink", "rename", "replace", "stat", "lstat",
           "stat_result", "urandom", "strerror", "fspath", "fsencode", "fsdecode",
           "PathLike", "system", "error"]


def fspath(p):
    """Return the file system path representation of the object."""
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(p).__name__)
    r = f(p)
    if isinstance(r, (str, bytes)):
        return r
    raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                    % (type(p).__name__, type(r).__name__))


def fsencode(filename):
    filename = fspath(filename)
    return filename.encode("utf-8", "surrogateescape") if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode("utf-8", "surrogateescape") if isinstance(filename, bytes) else filename


class PathLike:
    """Abstract base class for objects with __fspath__."""
    __slots__ = ()

    def __fspath__(self):
        raise NotImplementedError


# ---- stat ------------------------------------------------------------------

class stat_result(tuple):
    """The result of stat(): ten items (the times as whole seconds), plus
    the times as floats (st_atime, ...) and nanoseconds (st_atime_ns, ...)
    as attributes only."""
    n_sequence_fields = 10
    n_fields = 16
    _names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
              "st_atime", "st_mtime", "st_ctime")

    def __new__(cls, raw):
        raw = tuple(raw)
        if len(raw) < 10:
            raise TypeError("os.stat_result() takes an at least 10-sequence "
                            "(%d-sequence given)" % len(raw))
        if len(raw) > 16:
            raise TypeError("os.stat_result() takes an at most 16-sequence "
                            "(%d-sequence given)" % len(raw))
        self = tuple.__new__(cls, raw[:10])
        self._raw = raw + (None,) * (16 - len(raw))
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._raw[10])
    st_mtime = property(lambda self: self._raw[11])
    st_ctime = property(lambda self: self._raw[12])
    st_atime_ns = property(lambda self: self._raw[13])
    st_mtime_ns = property(lambda self: self._raw[14])
    st_ctime_ns = property(lambda self: self._raw[15])

    def __repr__(self):
        return "os.stat_result(%s)" % ", ".join(
            "%s=%r" % (n, v) for n, v in zip(self._names, self))

    def __reduce__(self):
        return (stat_result, (self._raw,))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if dir_fd is not None:
        raise NotImplementedError("os.stat: dir_fd is not supported")
    return stat_result(posix.stat(path) if follow_symlinks else posix.lstat(path))


def lstat(path, *, dir_fd=None):
    if dir_fd is not None:
        raise NotImplementedError("os.lstat: dir_fd is not supported")
    return stat_result(posix.lstat(path))


def mkdir(path, mode=0o777, *, dir_fd=None):
    if dir_fd is not None:
        raise NotImplementedError("os.mkdir: dir_fd is not supported")
    posix.mkdir(path, mode)


def makedirs(name, mode=0o777, exist_ok=False):
    """Create a leaf directory and every missing intermediate one."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass   # another thread or process made it first
        if tail == (curdir if isinstance(tail, str) else curdir.encode()):
            return
    try:
        posix.mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    posix.rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            posix.rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    return posix.access(path, mode)


def open(path, flags, mode=0o777, *, dir_fd=None):
    if dir_fd is not None:
        raise NotImplementedError("os.open: dir_fd is not supported")
    return posix.open(path, flags, mode)


# ---- directories -----------------------------------------------------------

class DirEntry:
    """One entry of scandir(): name, path and cached stat information."""
    __slots__ = ("name", "path", "_stat", "_lstat")

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._stat = None
        self._lstat = None

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _mode(self, follow):
        try:
            return self.stat(follow_symlinks=follow).st_mode & 0o170000
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) == 0o100000

    def is_symlink(self):
        return self._mode(False) == 0o120000

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)


class _ScandirIterator:
    def __init__(self, top):
        self._top = top
        self._it = iter(posix.listdir(top))

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._top, next(self._it))

    def close(self):
        self._it = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(path="."):
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) per directory."""
    top = fspath(top)
    try:
        entries = list(scandir(top))
    except OSError as e:
        if onerror is not None:
            onerror(e)
        return
    dirs, files, walk_into = [], [], []
    for e in entries:
        if e.is_dir():
            dirs.append(e.name)
            if followlinks or not e.is_symlink():
                walk_into.append(e.path)
        else:
            files.append(e.name)
    if topdown:
        yield top, dirs, files
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
    else:
        for new in walk_into:
            yield from walk(new, topdown, onerror, followlinks)
        yield top, dirs, files


# ---- environment -----------------------------------------------------------

class _Environ:
    """os.environ: a str -> str mapping whose changes reach the process
    environment (putenv/unsetenv), so child processes see them."""

    def __init__(self, data):
        self._data = data

    def _check(self, v, what):
        if not isinstance(v, str):
            raise TypeError("str expected, not %s" % type(v).__name__)
        return v

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        self._check(key, "key")
        self._check(value, "value")
        posix.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key)
        posix.unsetenv(key)
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    __hash__ = None

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    _missing = object()

    def pop(self, key, default=_missing):
        if key in self._data:
            v = self._data[key]
            del self[key]
            return v
        if default is _Environ._missing:
            raise KeyError(key)
        return default

    def popitem(self):
        if not self._data:
            raise KeyError("popitem(): dictionary is empty")
        key = next(reversed(list(self._data)))
        return key, self.pop(key)

    def clear(self):
        for k in list(self._data):
            del self[k]

    def update(self, other=(), **kw):
        if hasattr(other, "keys"):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def __or__(self, other):
        d = dict(self._data)
        d.update(other)
        return d

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return "environ({%s})" % ", ".join("%r: %r" % kv for kv in self._data.items())


environ = _Environ(posix._environ())

try:
    from _collections_abc import MutableMapping as _MM
    _MM.register(_Environ)
    del _MM
except Exception:
    pass   # isinstance(os.environ, Mapping) is a nicety, not a requirement


def getenv(key, default=None):
    return environ.get(key, default)


def get_exec_path(env=None):
    if env is None:
        env = environ
    p = env.get("PATH")
    if p is None:
        p = defpath
    return p.split(pathsep)


# ---- processes -------------------------------------------------------------

def system(command):
    """Run command in a subshell; return the raw wait status."""
    pid = posix._spawn(["/bin/sh"], ["/bin/sh", "-c", command], None, None, -1, -1, -1, False)
    return posix.waitpid(pid, 0)[1]


def WIFEXITED(status):
    return status & 0x7F == 0


def WEXITSTATUS(status):
    return (status >> 8) & 0xFF


def WIFSIGNALED(status):
    return ((status & 0x7F) + 1) >> 1 > 0 and status & 0x7F != 0x7F


def WTERMSIG(status):
    return status & 0x7F


class terminal_size(tuple):
    """(columns, lines) of a terminal window."""

    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return "os.terminal_size(columns=%d, lines=%d)" % (self[0], self[1])


def get_terminal_size(fd=1):
    """Size of the terminal on fd; OSError when fd is not a terminal."""
    return terminal_size(posix._get_terminal_size(fd))


class uname_result(tuple):
    """uname(): sysname, nodename, release, version, machine."""
    _names = ("sysname", "nodename", "release", "version", "machine")

    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    sysname = property(lambda self: self[0])
    nodename = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    def __repr__(self):
        return "posix.uname_result(%s)" % ", ".join(
            "%s=%r" % kv for kv in zip(self._names, self))


def uname():
    return uname_result(posix._uname())
