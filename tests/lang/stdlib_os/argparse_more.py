# argparse corners against CPython: %(prog)s/%(default)s/%(choices)s in help,
# hyphen-aware wrapping, required options, negative-number arguments.
import argparse, sys, os
os.environ["COLUMNS"] = "60"
sys.stderr = sys.stdout
p = argparse.ArgumentParser(description="%(prog)s does things at 100%% speed", epilog="bye")
p.add_argument("-n", "--num", type=int, required=True, help="count, default %(default)s, type %(type)s")
p.add_argument("files", nargs="+", metavar="FILE", help="")
p.add_argument("--level", type=int, choices=range(1, 4), default=2, help="level in %(choices)s")
p.add_argument("--supercalifragilisticexpialidocious-option", help="a-very-long-hyphenated-word-that-needs-breaking somewhere in-the-middle of the help")
p.add_argument("-q", action="store_const", const="quiet", dest="mode", default="normal")
p.add_argument("-Q", action="store_const", const="QUIET", dest="mode")
try:
    p.parse_args(["-h"])
except SystemExit: pass
print(p.parse_args(["-n", "3", "a", "b", "-q"]))
print(p.parse_args(["a", "-n3", "--level", "3"]))
for bad in (["a"], ["-n", "1"], ["-n", "1", "a", "--level", "9"], ["-n", "1", "a", "-x"], ["-n", "1", "a", "--le=2", "--supercal"]):
    try: print(p.parse_args(bad))
    except SystemExit as e: print("exit", e.code)
ns = argparse.Namespace()
p.parse_args(["-n", "2", "z"], namespace=ns); print(ns.num, ns.files)
q = argparse.ArgumentParser(prog="neg")
q.add_argument("-1", dest="one", action="store_true")
q.add_argument("x", nargs="?")
print(q.parse_args(["-1"]))
try: q.parse_args(["-5"])
except SystemExit as e: print("exit", e.code)
r = argparse.ArgumentParser(prog="nn")
r.add_argument("x", type=float)
print(r.parse_args(["-5.5"]))
print(r.parse_args(["--", "-1"]))
