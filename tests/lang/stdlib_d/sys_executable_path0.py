# sys.executable is the absolute path of the running interpreter, and
# sys.path[0] is the script's absolute, symlink-resolved directory ('' for
# -c and stdin), as in CPython. Checked by starting the interpreter again.
import os
import subprocess
import sys


here = os.path.dirname(os.path.realpath(__file__))
exe = sys.executable
print(type(exe).__name__, exe != "", os.path.isabs(exe), os.path.isfile(exe), os.access(exe, os.X_OK))
print(os.path.isabs(sys.path[0]), sys.path[0] == here)
print(isinstance(sys.path, list), sys.path.count(sys.path[0]) >= 1)

def run(args, **kw):
    p = subprocess.run([exe] + args, capture_output=True, text=True, **kw)
    return p.returncode, p.stdout.strip(), p.stderr.strip().splitlines()[-1:] 

print(run(["-c", "print(6 * 7)"]))
print(run(["-c", "import sys; print(repr(sys.path[0]))"]))
print(run(["-"], input="import sys; print(repr(sys.path[0]), sys.argv)\n"))
# relative script path from another working directory
parent = os.path.dirname(here)
child = os.path.join(os.path.basename(here), "_path0_child.py")
print(run([child], cwd=parent))
print(run(["_path0_child.py"], cwd=here))
print(run(["./_path0_child.py"], cwd=here))
print(run([os.path.join(here, "..", os.path.basename(here), "_path0_child.py")], cwd="/"))
# the child can import a module that sits beside the script
print(run(["-c", "import sys; sys.path.insert(0, %r); import _path0_child" % here]))
