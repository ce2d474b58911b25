# argparse sub-commands and an error exit (usage + "prog: error:" on
# stderr, status 2) against CPython.
import argparse
import os
import sys

os.environ["COLUMNS"] = "80"
real_stderr = sys.stderr
sys.stderr = sys.stdout

p = argparse.ArgumentParser(prog="tool", description="A tool with sub-commands.")
p.add_argument("--debug", action="store_true")
sub = p.add_subparsers(dest="cmd", help="what to do")
run = sub.add_parser("run", help="run a workload")
run.add_argument("name")
run.add_argument("-n", type=int, default=1)
ls = sub.add_parser("list", aliases=["ls"], help="list workloads")
ls.add_argument("--all", action="store_true")
sub.add_parser("quiet")


def attempt(argv):
    try:
        print(argv, "->", p.parse_args(argv))
    except SystemExit as e:
        print(argv, "-> exit", e.code)


for argv in (["run", "fib", "-n", "3"], ["--debug", "ls", "--all"], ["list"], ["quiet"],
             [], ["nope"], ["run"], ["run", "fib", "--bad"], ["-h"], ["run", "-h"]):
    attempt(argv)

q = argparse.ArgumentParser(prog="grouped")
s2 = q.add_subparsers(title="commands", description="available commands", required=True,
                      dest="command")
s2.add_parser("a", help="first")
s2.add_parser("b", help="second")
for argv in (["-h"], [], ["a"]):
    try:
        print(argv, "->", q.parse_args(argv))
    except SystemExit as e:
        print(argv, "-> exit", e.code)

sys.stderr = real_stderr
sys.argv = ["final", "--threads", "many"]
final = argparse.ArgumentParser()
final.add_argument("--threads", type=int)
final.parse_args()
print("not reached")
