# argparse: parsing against CPython (values, defaults, nargs, actions, errors).
import argparse
import sys

sys.stderr = sys.stdout   # errors and usage land in the compared output


def attempt(parser, argv):
    try:
        print(argv, "->", parser.parse_args(argv))
    except SystemExit as e:
        print(argv, "-> exit", e.code)


p = argparse.ArgumentParser(prog="bench")
p.add_argument("workload")
p.add_argument("-t", "--threads", type=int, default=4, help="threads")
p.add_argument("-n", dest="count", type=int, default=10)
p.add_argument("--mode", choices=["gil", "ft"], default="gil")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--pin", action="store_true")
p.add_argument("--no-warm", dest="warm", action="store_false")
p.add_argument("--tag", action="append")
p.add_argument("--const", action="store_const", const=42)
p.add_argument("--scale", type=float, default="1.5")
for argv in (["fib"], ["fib", "-t", "8"], ["-t8", "fib"], ["--threads=2", "fib", "--pin"],
             ["fib", "-vvv", "--mode", "ft"], ["fib", "-v", "-v", "--no-warm"],
             ["fib", "--tag", "a", "--tag", "b", "--const"], ["fib", "--thr", "3"],
             ["fib", "--scale", "2"], ["fib", "--", "-x"], [], ["fib", "extra"],
             ["fib", "-t", "x"], ["fib", "--mode", "pypy"], ["fib", "-t"],
             ["fib", "--bogus"], ["fib", "--pin=1"], ["fib", "-n", "-5"]):
    attempt(p, argv)

q = argparse.ArgumentParser(prog="nargs")
q.add_argument("first")
q.add_argument("rest", nargs="*")
q.add_argument("--pair", nargs=2, type=int)
q.add_argument("--opt", nargs="?", const="C", default="D")
q.add_argument("--many", nargs="+")
for argv in (["a"], ["a", "b", "c"], ["a", "--pair", "1", "2", "b"], ["a", "--opt"],
             ["a", "--opt", "x"], ["--many", "x", "y", "--", "a", "b"],
             ["a", "--pair", "1"], ["a", "--many"], ["a", "b", "--opt", "c", "d"]):
    attempt(q, argv)

r = argparse.ArgumentParser(prog="pos")
r.add_argument("src", nargs="?", default="in.txt")
r.add_argument("dst", nargs="?")
r.add_argument("-x", type=int)
for argv in ([], ["a"], ["a", "b"], ["-x", "1", "a", "b"], ["a", "-x", "1", "b"]):
    attempt(r, argv)

s = argparse.ArgumentParser(prog="req")
s.add_argument("--need", required=True)
s.add_argument("n", type=int, nargs=2)
g = s.add_mutually_exclusive_group()
g.add_argument("--fast", action="store_true")
g.add_argument("--slow", action="store_true")
for argv in ([], ["--need", "x", "1", "2"], ["--need", "x", "1", "2", "--fast", "--slow"],
             ["1"], ["--need=y", "3", "4", "--slow"]):
    attempt(s, argv)

t = argparse.ArgumentParser(prog="ver")
t.add_argument("--version", action="version", version="%(prog)s 1.2")
attempt(t, ["--version"])

def positive(s):
    v = int(s)
    if v <= 0:
        raise argparse.ArgumentTypeError("%r is not positive" % s)
    return v

u = argparse.ArgumentParser(prog="types")
u.add_argument("--p", type=positive)
u.add_argument("--ext", action="extend", nargs="+")
u.set_defaults(extra="yes")
attempt(u, ["--p", "3", "--ext", "a", "b", "--ext", "c"])
attempt(u, ["--p", "0"])
attempt(u, ["--p", "z"])
print(u.parse_known_args(["--p", "1", "--what", "x"]))
print(u.get_default("extra"), u.get_default("p"))

ns = argparse.Namespace(b=1, a="two")
print(ns, ns == argparse.Namespace(b=1, a="two"), "a" in ns, vars(ns))
print(argparse.Namespace(**{"with-dash": 1, "ok": 2}))
try:
    p.add_argument("--threads")
except argparse.ArgumentError as e:
    print("ArgumentError", e)
sys.argv = ["prog.py", "wl", "-t", "3"]
print(p.parse_args())
