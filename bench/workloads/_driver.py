"""Run one scaling workload and print its timing as one machine-readable line.

Usage: INTERP bench/workloads/_driver.py NAME THREADS SCALE
       INTERP bench/workloads/_driver.py --list

Every thread runs the full n = max(1, int(BASE * SCALE)) units of work, so on
a perfectly scaling interpreter the time stays flat as THREADS grows. Threads
are started first and meet the main thread at a barrier; the clock covers only
the section from the barrier's release to the last join, so thread start-up
and module import are never measured.

Prints exactly one line on stdout:
    TANDEM-BENCH {"workload": ..., "threads": T, "n": n, "seconds": S, "check": "ok"}
Exit status: 0 when the workload's check passes, 3 when it fails, 2 on a usage
error, 1 when a worker thread raised.

It must run unchanged under python3, so it uses nothing beyond sys, threading
and time.
"""
import sys
import threading
import time

# Running under python3 must not leave __pycache__ directories in the tree.
sys.dont_write_bytecode = True

# tandem has no os module yet, so --list cannot read the directory; the
# catalogue is written out here and scripts/check-kernels verifies that it
# names exactly the workload files present.
WORKLOADS = (
    "closure_creation",
    "constant_loads",
    "context_managers",
    "contended_dict_write",
    "contended_list_append",
    "contended_lock_counter",
    "dict_creation",
    "exceptions",
    "float_math",
    "function_calls",
    "generators",
    "int_arith",
    "list_sort",
    "math_calls",
    "method_calls",
    "object_creation",
    "recursion",
    "shared_class",
    "shared_dict_read",
    "shared_function",
    "shared_list_read",
    "shared_module_attr",
    "shared_thread_local",
    "string_building",
)

HERE = __file__.rpartition("/")[0] or "."
USAGE = "usage: _driver.py NAME THREADS SCALE | _driver.py --list"


def usage_error(message):
    sys.stderr.write("_driver.py: %s\n%s\n" % (message, USAGE))
    sys.exit(2)


def json_string(s):
    # Check messages are free text written by workloads; escape what JSON
    # forbids inside a string so the harness can always parse the line.
    out = ['"']
    for ch in s:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def load(name):
    # Any module beside the driver runs, catalogued or not, so tests can
    # exercise the driver with their own workloads; "_" marks helpers.
    if not name.isidentifier() or name.startswith("_"):
        usage_error("unknown workload %r (see --list)" % name)
    try:
        open(HERE + "/" + name + ".py").close()
    except OSError:
        usage_error("unknown workload %r (see --list)" % name)
    return __import__(name)


def list_workloads():
    for name in sorted(WORKLOADS):
        mod = __import__(name)
        print("%s\t%s\t%s" % (name, mod.KIND, mod.DESCRIPTION))


def measure(mod, threads, n, state):
    barrier = threading.Barrier(threads + 1)
    results = [None] * threads
    errors = []

    def worker(index):
        barrier.wait()
        try:
            results[index] = mod.run(n, state)
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in workers:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in workers:
        t.join()
    t1 = time.perf_counter()
    if errors:
        # Re-raising in the main thread gives the worker's traceback and a
        # non-zero exit status on every interpreter.
        raise errors[0]
    return results, t1 - t0


def main(argv):
    if len(argv) == 2 and argv[1] == "--list":
        list_workloads()
        return 0
    if len(argv) != 4:
        usage_error("expected 3 arguments, got %d" % (len(argv) - 1))
    name = argv[1]
    try:
        threads = int(argv[2])
    except ValueError:
        usage_error("THREADS must be an integer, got %r" % argv[2])
    try:
        scale = float(argv[3])
    except ValueError:
        usage_error("SCALE must be a number, got %r" % argv[3])
    if threads < 1:
        usage_error("THREADS must be at least 1, got %d" % threads)
    if not scale > 0:
        usage_error("SCALE must be positive, got %r" % argv[3])
    mod = load(name)
    n = max(1, int(mod.BASE * scale))
    state = mod.setup(n, threads) if hasattr(mod, "setup") else None
    results, seconds = measure(mod, threads, n, state)
    verdict = None
    if hasattr(mod, "check"):
        verdict = mod.check(results, n, threads, state)
    status = "ok" if verdict is None else str(verdict)
    print('TANDEM-BENCH {"workload": %s, "threads": %d, "n": %d, "seconds": %s, "check": %s}'
          % (json_string(name), threads, n, repr(float(seconds)), json_string(status)))
    return 0 if verdict is None else 3


if __name__ == "__main__":
    sys.exit(main(sys.argv))
