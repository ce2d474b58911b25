# Descriptors, pipes, os.system, access, argument errors, stat_result,
# user and variable expansion, fsencode/fsdecode.
import os
import collections.abc

here = os.getcwd()
print(sorted(os.listdir(here.encode())) == sorted(x.encode() for x in os.listdir(here)))
print(os.system("exit 3"), os.waitstatus_to_exitcode(os.system("exit 3")))
print(os.access(here, os.R_OK), os.access("/nonexistent-tandem", os.F_OK))
r, w = os.pipe()
print(os.write(w, b"abc"), os.read(r, 10))
os.close(w)
print(os.read(r, 10))
os.close(r)
name = os.path.join(here, "_tmp_misc_%d" % os.getpid())
fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
os.write(fd, bytearray(b"xyz"))
os.close(fd)
print(os.stat(name).st_size, oct(os.stat(name).st_mode & 0o777))
os.unlink(name)
try:
    os.close(999)
except OSError as e:
    print(type(e).__name__, e)
for bad in (lambda: os.stat(None), lambda: os.stat("a\0b"), lambda: os.lstat(3.5),
            lambda: os.listdir(1.5), lambda: os.mkdir(None)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
st = os.stat_result((1, 2, 3, 4, 5, 6, 7, 8.5, 9.5, 10.5, 8, 9, 10))
print(st, st.st_mtime, st[8], st.st_ctime_ns)
print(os.path.expanduser("~/x") == os.environ["HOME"] + "/x",
      os.path.expandvars("$HOME/y") == os.environ["HOME"] + "/y",
      os.path.expandvars("${NO_SUCH_VAR_T}/z"))
print(os.get_exec_path()[:1] != [], os.fsencode("a"), os.fsdecode(b"b"))
print(isinstance(os.environ, collections.abc.Mapping))
print(os.sep, os.curdir, os.pardir, os.extsep, os.altsep, os.defpath)
print(os.uname().sysname, len(os.uname()), os.uname().machine == os.uname()[4])
