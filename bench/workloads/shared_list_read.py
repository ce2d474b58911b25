"""Shared reads: every thread indexes and iterates the same list built in setup."""
from _checks import same_result

DESCRIPTION = "one list (built in setup) read by every thread"
KIND = "shared"
BASE = 4900000


def setup(n, threads):
    return [(i * 7919) % 1000 for i in range(1000)]


def run(n, table):
    total = 0
    # Mostly indexed reads; one full iteration every 1000 units.
    for i in range(n):
        total += table[i % 1000]
        if i % 1000 == 999:
            for v in table:
                total -= v
    return total


def check(results, n, threads, state):
    return same_result(results)
