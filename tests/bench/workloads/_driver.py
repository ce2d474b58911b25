# A minimal driver honouring the workload contract of docs/benchmarking.md,
# for the harness's own tests (the real one is bench/workloads/_driver.py):
# INTERP _driver.py NAME THREADS SCALE, or INTERP _driver.py --list.
import sys
import threading
import time

WORKLOADS = ["pinned", "spin"]


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv):
    if len(argv) == 2 and argv[1] == "--list":
        for name in WORKLOADS:
            mod = __import__(name)
            print(name + "\t" + mod.KIND + "\t" + mod.DESCRIPTION)
        return 0
    if len(argv) != 4 or argv[1] not in WORKLOADS:
        sys.stderr.write("usage: _driver.py NAME THREADS SCALE (unknown workload %r)\n" % argv[1:2])
        return 2
    name, threads, scale = argv[1], int(argv[2]), float(argv[3])
    mod = __import__(name)
    n = max(1, int(mod.BASE * scale))
    state = mod.setup(n, threads) if hasattr(mod, "setup") else None
    barrier = threading.Barrier(threads + 1)
    results = [None] * threads
    errors = []

    def work(i):
        try:
            barrier.wait()
            results[i] = mod.run(n, state)
        except BaseException as e:
            errors.append(repr(e))

    ts = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for t in ts:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in ts:
        t.join()
    t1 = time.perf_counter()
    if errors:
        sys.stderr.write("worker failed: " + errors[0] + "\n")
        return 1
    check = mod.check(results, n, threads, state) if hasattr(mod, "check") else None
    print("TANDEM-BENCH {\"workload\": %s, \"threads\": %d, \"n\": %d, \"seconds\": %r, \"check\": %s}"
          % (quote(name), threads, n, t1 - t0, quote(check or "ok")))
    return 3 if check else 0


sys.exit(main(sys.argv))
