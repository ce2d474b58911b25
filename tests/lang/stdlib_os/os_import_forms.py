# The ways scripts reach os.path, and symbolic links through realpath.
import os
import os.path
import os.path as osp
from os import path, sep, getcwd
from os.path import join, basename as bn
import sys
print(os.path is osp is path, sys.modules["os.path"] is path, join("a", "b"), bn("/x/y"), sep)
print(getcwd() == os.getcwd(), path.__name__)
base = os.path.abspath("_tmp_links_%d" % os.getpid())
os.mkdir(base)
try:
    target = os.path.join(base, "target")
    os.mkdir(target)
    link = os.path.join(base, "link")
    os.symlink(target, link)
    print(os.path.islink(link), os.path.isdir(link), os.path.islink(target))
    print(os.readlink(link) == target, os.path.realpath(link) == os.path.realpath(target))
    print(os.path.realpath(os.path.join(link, "..", "link", "sub")) ==
          os.path.join(os.path.realpath(target), "sub"))
    print(os.lstat(link).st_mode & 0o170000 == 0o120000, os.stat(link).st_mode & 0o170000 == 0o040000)
    os.remove(link)
    os.rmdir(target)
finally:
    os.rmdir(base)
print(os.path.exists(base))
