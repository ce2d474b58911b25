# Real pinning, seen from inside: every worker reads its own thread's
# Cpus_allowed_list; the check insists on one CPU per worker, all distinct.
DESCRIPTION = "each worker reports the CPUs it may run on"
KIND = "private"
BASE = 1


def run(n, state):
    with open("/proc/thread-self/status") as f:
        for line in f:
            if line.startswith("Cpus_allowed_list:"):
                return line.split()[1]
    return "?"


def check(results, n, threads, state):
    for r in results:
        if "," in r or "-" in r or r == "?":
            return "a worker may run on CPUs %s, not one CPU" % r
    if len(set(results)) != len(results):
        return "workers share CPUs: %s" % ",".join(results)
    return None
