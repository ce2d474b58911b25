"""Shared reads: every thread reads attributes of the same module object."""
import math

from _checks import same_result

DESCRIPTION = "module attributes (math.pi, math.e, math.tau) read by every thread"
KIND = "shared"
BASE = 5600000


def run(n, state):
    acc = 0.0
    for i in range(n):
        acc += math.pi if i & 1 else math.e
        if i & 255 == 0:
            acc -= math.tau * 64
    return round(acc, 6)


def check(results, n, threads, state):
    return same_result(results)
