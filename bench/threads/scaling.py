"""Thread scaling of CPU-bound work: one measurement per process.

Usage: INTERP bench/threads/scaling.py WORKLOAD THREADS [ITERATIONS]
       INTERP bench/threads/scaling.py all [THREADS...]     (quick look, one process)

Every thread does the FULL amount of work (ITERATIONS loop turns), so perfect
scaling keeps the time constant: speedup at T threads = T * t1 / tT. All
threads (and the main thread) meet at a Barrier before the clock starts;
time.perf_counter() brackets only the threaded section (barrier release to
the last join). Prints `WORKLOAD THREADS ITERATIONS SECONDS`.

Workloads:
  private       integer arithmetic on local variables (nothing shared)
  shared_func   calling one module-level function from every thread
  shared_class  instantiating one module-level class from every thread
  shared_dict   reading one module-level dict (a global) from every thread
"""
import sys
import threading
import time

DEFAULT_ITERATIONS = {"private": 3000000, "shared_func": 5000000,
                      "shared_class": 3000000, "shared_dict": 5000000}


def private(n):
    a, b = 1, 0
    for i in range(n):
        a = (a * 3 + i) & 0xFFFF
        b += a ^ i
    return b


def add_one(x):
    return x + 1


def shared_func(n):
    x = 0
    for _ in range(n):
        x = add_one(x)
    return x


class Point:
    def __init__(self, x):
        self.x = x


def shared_class(n):
    p = None
    for i in range(n):
        p = Point(i)
    return p.x


TABLE = {k: k * k for k in range(64)}


def shared_dict(n):
    s = 0
    for i in range(n):
        s += TABLE[i & 63]
    return s


WORKLOADS = {"private": private, "shared_func": shared_func,
             "shared_class": shared_class, "shared_dict": shared_dict}


def measure(name, threads, n):
    fn = WORKLOADS[name]
    barrier = threading.Barrier(threads + 1)
    results = []

    def body():
        barrier.wait()
        results.append(fn(n))

    ts = [threading.Thread(target=body) for _ in range(threads)]
    for t in ts:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in ts:
        t.join()
    elapsed = time.perf_counter() - start
    assert len(results) == threads and len(set(results)) == 1, "workload results differ"
    return elapsed


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    if argv[0] == "all":
        counts = [int(a) for a in argv[1:]] or [1, 2]
        for name in WORKLOADS:
            n = DEFAULT_ITERATIONS[name]
            t1 = None
            for t in counts:
                secs = measure(name, t, n)
                t1 = secs if t1 is None else t1
                # relative to the first thread count given (normally 1)
                print("%-13s threads=%-3d %.3fs speedup=%.2f"
                      % (name, t, secs, t * t1 / (secs * counts[0])))
        return 0
    name, threads = argv[0], int(argv[1])
    if name not in WORKLOADS:
        print("unknown workload %r; choose from %s" % (name, ", ".join(WORKLOADS)), file=sys.stderr)
        return 2
    n = int(argv[2]) if len(argv) > 2 else DEFAULT_ITERATIONS[name]
    print("%s %d %d %.6f" % (name, threads, n, measure(name, threads, n)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
