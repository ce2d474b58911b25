# argparse: -h/--help layout, usage wrapping and formatter classes against
# CPython (COLUMNS fixes the width the way a terminal would).
import argparse
import os
import sys

os.environ["COLUMNS"] = "80"
sys.stderr = sys.stdout


def show(parser, argv=("-h",)):
    try:
        parser.parse_args(list(argv))
    except SystemExit as e:
        print("[exit %s]" % e.code)


p = argparse.ArgumentParser(
    prog="scale.py",
    description="Run a CPU-bound workload on 1..N threads and report the speedup over one "
                "thread, the parallel efficiency and the single-thread overhead of the "
                "free-threaded build.",
    epilog="Results are printed as a table; use --json for machine-readable output.")
p.add_argument("workload", help="name of the workload (see --list)")
p.add_argument("extra", nargs="*", help="arguments passed on to the workload")
p.add_argument("-t", "--threads", type=int, default=4, metavar="N",
               help="maximum number of threads (default: %(default)s)")
p.add_argument("--mode", choices=["gil", "ft", "both"], default="both",
               help="which builds to run: %(choices)s")
p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
p.add_argument("--pin", action="store_true", help="pin each thread to its own core so that "
               "the operating system scheduler does not migrate it between cores")
p.add_argument("--a-very-long-option-name-indeed", dest="long", help="short help")
p.add_argument("--nohelp")
p.add_argument("--pair", nargs=2, metavar=("LO", "HI"), type=int, help="a range")
p.add_argument("--opt", nargs="?", const=1, help="optional value")
p.add_argument("--hidden", help=argparse.SUPPRESS)
grp = p.add_argument_group("output", "Where and how the results are written.")
grp.add_argument("--json", metavar="FILE", help="also write JSON here")
grp.add_argument("--csv", action="store_true", help="CSV instead of a table")
mx = p.add_mutually_exclusive_group()
mx.add_argument("--quick", action="store_true", help="fewer repetitions")
mx.add_argument("--long", dest="longrun", action="store_true", help="more repetitions")
p.add_argument("--version", action="version", version="%(prog)s 0.1")
show(p)
print(p.format_usage(), end="")
show(p, ["--quick", "--long", "fib"])

small = argparse.ArgumentParser(prog="small", add_help=False)
small.add_argument("x")
print(small.format_help(), end="")
print(repr(argparse.ArgumentParser(prog="empty").format_help()))

raw = argparse.ArgumentParser(prog="raw", formatter_class=argparse.RawDescriptionHelpFormatter,
                              description="line one\n    indented line\nline three")
raw.add_argument("--k", default=3, help="k value")
show(raw)
dflt = argparse.ArgumentParser(prog="dflt",
                               formatter_class=argparse.ArgumentDefaultsHelpFormatter)
dflt.add_argument("--k", default=3, help="k value")
dflt.add_argument("pos", nargs="?", default="here", help="position")
show(dflt)
rt = argparse.ArgumentParser(prog="rt", formatter_class=argparse.RawTextHelpFormatter)
rt.add_argument("--k", help="first line\n  second line kept")
show(rt)

long_prog = argparse.ArgumentParser(prog="a-program-name-that-is-really-quite-long-"
                                         "for-a-usage-line-xxxxxxxxxxxx")
for i in range(6):
    long_prog.add_argument("--option-number-%d" % i, metavar="VALUE")
long_prog.add_argument("inputs", nargs="+")
show(long_prog)

bo = argparse.ArgumentParser(prog="bo")
bo.add_argument("--color", action=argparse.BooleanOptionalAction, default=True,
                help="colour output")
show(bo)
print(bo.parse_args(["--no-color"]), bo.parse_args([]))
