"""A workload whose check always fails, with characters JSON must escape."""
DESCRIPTION = "fixture: check fails"
KIND = "private"
BASE = 100


def run(n, state):
    return sum(range(n))


def check(results, n, threads, state):
    return 'count was "%d"\tnot\\ok\n' % len(results)
