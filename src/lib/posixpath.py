"""Pathname operations on POSIX paths (os.path).

Pure string algebra except exists/isfile/isdir/... (one stat each) and
abspath/realpath (the current directory, symbolic links)."""

import posix as _posix

__all__ = ["join", "split", "splitext", "basename", "dirname", "exists", "lexists",
           "isfile", "isdir", "islink", "isabs", "getsize", "getmtime", "getatime",
           "getctime", "abspath", "realpath", "normpath", "normcase", "relpath",
           "commonprefix", "commonpath", "expanduser", "expandvars", "samefile",
           "sep", "altsep", "extsep", "pathsep", "curdir", "pardir", "defpath", "devnull"]

sep = "/"
altsep = None
extsep = "."
pathsep = ":"
curdir = "."
pardir = ".."
defpath = "/bin:/usr/bin"
devnull = "/dev/null"

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(p).__name__)
    r = f(p)
    if not isinstance(r, (str, bytes)):
        raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                        % (type(p).__name__, type(r).__name__))
    return r


def _seps(p):
    # The separator and friends in the path's own type.
    if isinstance(p, bytes):
        return b"/", b".", b"..", b""
    return "/", ".", "..", ""


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = _fspath(a)
    sp = _seps(a)[0]
    path = a
    for b in p:
        b = _fspath(b)
        if isinstance(b, str) != isinstance(a, str):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(sp):
            path = b
        elif not path or path.endswith(sp):
            path = path + b
        else:
            path = path + sp + b
    if not p and not isinstance(a, (str, bytes)):
        raise TypeError("expected str, bytes or os.PathLike object")
    return path


def split(p):
    p = _fspath(p)
    sp = _seps(p)[0]
    i = p.rfind(sp) + 1
    head, tail = p[:i], p[i:]
    if head and head != sp * len(head):
        head = head.rstrip(sp)
    return head, tail


def splitext(p):
    p = _fspath(p)
    sp, dot = _seps(p)[0], _seps(p)[1]
    slash = p.rfind(sp)
    d = p.rfind(dot)
    if d > slash:
        # Dots that start the file name do not make an extension.
        i = slash + 1
        while i < d:
            if p[i:i + 1] != dot:
                return p[:d], p[d:]
            i += 1
    return p, p[:0]


def basename(p):
    p = _fspath(p)
    return p[p.rfind(_seps(p)[0]) + 1:]


def dirname(p):
    p = _fspath(p)
    sp = _seps(p)[0]
    head = p[:p.rfind(sp) + 1]
    if head and head != sp * len(head):
        head = head.rstrip(sp)
    return head


def normpath(path):
    path = _fspath(path)
    sp, cur, par, empty = _seps(path)
    if path == empty:
        return cur
    lead = 0
    if path.startswith(sp):
        # POSIX gives exactly two leading slashes a meaning of their own.
        lead = 2 if path.startswith(sp * 2) and not path.startswith(sp * 3) else 1
    parts = []
    for c in path.split(sp):
        if c == empty or c == cur:
            continue
        if c == par:
            if parts and parts[-1] != par:
                parts.pop()
            elif not lead:
                parts.append(c)
            continue
        parts.append(c)
    out = sp * lead + sp.join(parts)
    return out or cur


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        cwd = _posix.getcwd()
        if isinstance(path, bytes):
            cwd = cwd.encode("utf-8", "surrogateescape")
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    filename = _fspath(filename)
    sp, cur, par, empty = _seps(filename)
    if not isabs(filename):
        cwd = _posix.getcwd()
        if isinstance(filename, bytes):
            cwd = cwd.encode("utf-8", "surrogateescape")
        filename = join(cwd, filename)
    resolved = {}
    return _resolve(filename, strict, resolved, 0) or sp


def _resolve(path, strict, seen, depth):
    sp, cur, par, empty = _seps(path)
    out = empty
    rest = path
    while rest:
        name, _, rest = rest.partition(sp)
        if name == empty or name == cur:
            continue
        if name == par:
            out = out[:out.rfind(sp)] if out else out
            continue
        new = out + sp + name
        try:
            st = _posix.lstat(new)
        except OSError:
            if strict:
                raise
            out = new
            continue
        if st[0] & _S_IFMT != _S_IFLNK:
            out = new
            continue
        if new in seen:
            if seen[new] is not None:
                out = seen[new]
                continue
            if strict:
                _posix.stat(new)   # raises ELOOP
            # A symlink loop: leave the rest unresolved, as CPython does.
            return join(new, rest)
        seen[new] = None
        target = _posix.readlink(new)
        if depth > 40:
            return join(new, rest)
        base = target if isabs(target) else out + sp + target
        out = _resolve(base, strict, seen, depth + 1)
        seen[new] = out
    return out


def relpath(path, start=None):
    path = _fspath(path)
    if not path:
        raise ValueError("no path specified")
    sp, cur, par, empty = _seps(path)
    if start is None:
        start = cur
    start = _fspath(start)
    s = [x for x in abspath(start).split(sp) if x]
    p = [x for x in abspath(path).split(sp) if x]
    n = 0
    for a, b in zip(s, p):
        if a != b:
            break
        n += 1
    parts = [par] * (len(s) - n) + p[n:]
    return sp.join(parts) if parts else cur


def commonprefix(m):
    if not m:
        return ""
    m = [_fspath(x) for x in m]
    lo, hi = min(m), max(m)
    for i, c in enumerate(lo):
        if c != hi[i]:
            return lo[:i]
    return lo


def commonpath(paths):
    paths = [_fspath(p) for p in paths]
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    sp, cur = _seps(paths[0])[0], _seps(paths[0])[1]
    absolute = {p.startswith(sp) for p in paths}
    if len(absolute) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in p.split(sp) if c and c != cur] for p in paths]
    lo, hi = min(split_paths), max(split_paths)
    common = lo
    for i, c in enumerate(lo):
        if c != hi[i]:
            common = lo[:i]
            break
    prefix = sp if paths[0].startswith(sp) else sp[:0]
    return prefix + sp.join(common)


def expanduser(path):
    path = _fspath(path)
    tilde = b"~" if isinstance(path, bytes) else "~"
    if not path.startswith(tilde):
        return path
    sp = _seps(path)[0]
    i = path.find(sp, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path   # ~user: no passwd database here
    env = _posix._environ()
    home = env.get("HOME")
    if home is None:
        return path
    if isinstance(path, bytes):
        home = home.encode("utf-8", "surrogateescape")
    home = home.rstrip(sp)
    return (home + path[i:]) or sp


def expandvars(path):
    path = _fspath(path)
    if isinstance(path, bytes) or "$" not in path:
        return path
    env = _posix._environ()
    out = []
    i, n = 0, len(path)
    while i < n:
        c = path[i]
        if c != "$":
            out.append(c)
            i += 1
            continue
        if path.startswith("${", i):
            j = path.find("}", i + 2)
            if j < 0:
                out.append(path[i:])
                break
            name = path[i + 2:j]
            end = j + 1
        else:
            j = i + 1
            while j < n and (path[j].isalnum() or path[j] == "_"):
                j += 1
            name = path[i + 1:j]
            end = j
        if name and name in env:
            out.append(env[name])
        else:
            out.append(path[i:end])
        i = end if end > i else i + 1
    return "".join(out)


def _mode(path, follow=True):
    try:
        st = _posix.stat(path) if follow else _posix.lstat(path)
    except (OSError, ValueError):
        return None
    return st[0]


def exists(path):
    return _mode(path) is not None


def lexists(path):
    return _mode(path, False) is not None


def isfile(path):
    m = _mode(path)
    return m is not None and m & _S_IFMT == _S_IFREG


def isdir(s):
    m = _mode(s)
    return m is not None and m & _S_IFMT == _S_IFDIR


def islink(path):
    m = _mode(path, False)
    return m is not None and m & _S_IFMT == _S_IFLNK


def getsize(filename):
    return _posix.stat(filename)[6]


def getatime(filename):
    return _posix.stat(filename)[10]


def getmtime(filename):
    return _posix.stat(filename)[11]


def getctime(filename):
    return _posix.stat(filename)[12]


def samefile(f1, f2):
    a, b = _posix.stat(f1), _posix.stat(f2)
    return a[1] == b[1] and a[2] == b[2]
