"""A threaded scaling script in the style of CPython's free-threading
benchmarks: workloads registered by a decorator, run once on one thread and
then on N worker threads fed through a queue.Queue, each thread pinned with
sched_setaffinity. Timings are measured as such a script would, but only
deterministic facts are printed (names, checksums, counts), so the output
can be compared with CPython's."""

import argparse
import os
import queue
import sys
import threading
import time
from dataclasses import dataclass

WORKLOADS = {}


def register(func):
    WORKLOADS[func.__name__] = func
    return func


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n


@register
def object_creation(scale):
    total = 0
    for i in range(scale):
        p = Point(i, -i)
        total += p.norm1()
    return total


@register
def method_calls(scale):
    c = Counter()
    for i in range(scale):
        c.bump(i & 7)
    return c.n


@register
def closures(scale):
    def make_adder(k):
        def add(v):
            return v + k
        return add
    total = 0
    for i in range(scale):
        total += make_adder(i % 5)(i)
    return total


@register
def generator_sum(scale):
    def squares(n):
        for i in range(n):
            yield i * i % 1009
    return sum(squares(scale))


@register
def dict_and_strings(scale):
    d = {}
    for i in range(scale):
        key = f"k{i % 97:03d}"
        d[key] = d.get(key, 0) + len(key)
    return sum(d.values()) * len(d)


_tls = threading.local()


@register
def thread_local_reads(scale):
    _tls.hits = 0
    for i in range(scale):
        _tls.hits += i % 3
    return _tls.hits


@dataclass
class Result:
    workload: str
    thread: int
    checksum: int
    elapsed_ns: int


def worker(index, tasks, results, cpus):
    if cpus and hasattr(os, "sched_setaffinity"):
        cpu = cpus[index % len(cpus)]
        os.sched_setaffinity(0, {cpu})
    _tls.name = f"worker-{index}"
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            break
        name, scale = item
        start = time.perf_counter_ns()
        checksum = WORKLOADS[name](scale)
        elapsed = time.perf_counter_ns() - start
        results.put(Result(name, index, checksum, elapsed))
        tasks.task_done()
    results.put(("done", index, _tls.name))


def run_parallel(names, nthreads, scale, cpus):
    tasks = queue.Queue()
    results = queue.Queue()
    threads = [threading.Thread(target=worker, args=(i, tasks, results, cpus), name=f"w{i}")
               for i in range(nthreads)]
    for t in threads:
        t.start()
    # every thread runs every workload once: one task per (thread, workload),
    # and a thread takes whatever comes next, as the real scripts do
    for name in names:
        for _ in range(nthreads):
            tasks.put((name, scale))
    for _ in range(nthreads):
        tasks.put(None)
    tasks.join()
    for t in threads:
        t.join()
    collected = []
    finished = []
    while not results.empty():
        r = results.get_nowait()
        if isinstance(r, Result):
            collected.append(r)
        else:
            finished.append(r)
    return collected, sorted(finished)


def main(argv=None):
    parser = argparse.ArgumentParser(description="scaling benchmark (deterministic report)")
    parser.add_argument("--threads", type=int, default=4, help="worker threads")
    parser.add_argument("--scale", type=int, default=2000, help="iterations per task")
    parser.add_argument("--filter", action="append", default=None,
                        help="run only workloads whose name contains this")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)

    names = [n for n in WORKLOADS if not args.filter or any(f in n for f in args.filter)]
    before = os.sched_getaffinity(0)
    cpus = sorted(before)
    print(f"affinity non-empty: {len(before) > 0}, ints: {all(isinstance(c, int) for c in cpus)}")
    print(f"{'workload':<20} {'threads':>8} {'single':>12} {'per-thread':>12}  ok")

    single = {}
    start_all = time.perf_counter_ns()
    for name in names:
        t0 = time.perf_counter_ns()
        single[name] = WORKLOADS[name](args.scale)
        assert time.perf_counter_ns() >= t0

    results, finished = run_parallel(names, args.threads, args.scale, cpus)
    total_ns = time.perf_counter_ns() - start_all
    for name in names:
        mine = [r for r in results if r.workload == name]
        ok = len(mine) == args.threads and all(r.checksum == single[name] for r in mine)
        print(f"{name:<20} {len(mine):>8} {single[name]:>12,} {mine[0].checksum:>12,}  {'yes' if ok else 'NO'}")
    per_thread = {}
    for r in results:
        per_thread[r.thread] = per_thread.get(r.thread, 0) + 1
        assert r.elapsed_ns >= 0
    # which thread took which task is up to the scheduler: print totals only
    print(f"tasks run: {len(results):,}, threads used <= {args.threads}: {len(per_thread) <= args.threads}")
    print("finished:", [f"{tag}:{i}:{name}" for tag, i, name in finished])

    # the report a real script prints, measured but summarised deterministically
    speedup = 1.0 if total_ns <= 0 else min(total_ns / max(total_ns, 1), 1.0)
    print(f"speedup field formats: {speedup:.2f} {speedup:>6.1%} {12345678:,} {3.14159:10.3f}|")
    os.sched_setaffinity(0, before)
    print("affinity restored:", os.sched_getaffinity(0) == before)
    if not args.quiet:
        print(f"checksums: {sum(single.values()):,}")
    return 0


if __name__ == "__main__":
    rc = main()
    print("--- filtered run ---")
    main(["--threads", "3", "--scale", "500", "--filter", "closure", "--filter", "gen", "--quiet"])
    try:
        main(["--threads", "many"])
    except SystemExit as e:
        print("SystemExit", e.code)
    sys.exit(rc)
