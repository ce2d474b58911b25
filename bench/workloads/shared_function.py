"""Shared reads: every thread calls the same module-level function."""
from _checks import same_result

DESCRIPTION = "one module-level function called by every thread"
KIND = "shared"
BASE = 6300000


def step(x, i):
    return (x + i) & 0xFFFF


def run(n, state):
    x = 0
    for i in range(n):
        x = step(x, i)
    return x


def check(results, n, threads, state):
    return same_result(results)
