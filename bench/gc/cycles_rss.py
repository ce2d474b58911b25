# Memory bound of the cyclic GC (issue 5): create 1,000,000 two-object
# cycles and check that peak RSS stays within 1.5 x the peak seen after the
# first 100,000. Without a collector the memory would grow tenfold.
# Run: bin/tandem-gil bench/gc/cycles_rss.py  (and bin/tandem-ft, python3)
import sys


def peak_rss_kb():
    # VmHWM: the process's peak resident set size (Linux)
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


class Node:
    def __init__(self):
        self.other = None


def make_cycles(n):
    for _ in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a


TOTAL = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
FIRST = TOTAL // 10
make_cycles(FIRST)
first = peak_rss_kb()
make_cycles(TOTAL - FIRST)
final = peak_rss_kb()
ratio = final / first if first else 0.0
print("peak RSS after %d cycles: %d kB; after %d: %d kB; ratio %.2f (bound 1.5): %s"
      % (FIRST, first, TOTAL, final, ratio, "ok" if ratio <= 1.5 else "FAIL"))
