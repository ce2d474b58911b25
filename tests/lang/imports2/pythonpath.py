# PYTHONPATH entries come after the script's directory and before the
# built-in modules, in order; sys.path[0] is '' for -c.
import os, subprocess, sys

exe = sys.executable or os.readlink("/proc/self/exe")
here = os.path.dirname(os.path.abspath(__file__))
pp1, pp2 = os.path.join(here, "_pp1"), os.path.join(here, "_pp2")
env = dict(os.environ, PYTHONPATH=pp1 + os.pathsep + pp2)
code = ("import sys, _ppmod, _ppother; print(sys.path[0] == '', _ppmod.V, _ppother.W); "
        "print([p.rsplit('/', 1)[-1] for p in sys.path if '_pp' in p])")
r = subprocess.run([exe, "-c", code], env=env, capture_output=True, text=True)
print(r.returncode, r.stdout, r.stderr)
env = dict(os.environ)
env.pop("PYTHONPATH", None)
r = subprocess.run([exe, "-c", "import _ppmod"], env=env, capture_output=True, text=True)
print(r.returncode, r.stderr.strip().splitlines()[-1])
