"""Integer arithmetic on local variables: a multiplicative hash over a counter."""
from _checks import same_result

DESCRIPTION = "integer arithmetic on locals (a multiplicative hash loop)"
KIND = "private"
BASE = 5300000


def run(n, state):
    h = 2166136261
    total = 0
    for i in range(n):
        h = ((h ^ (i & 0xFF)) * 16777619) & 0xFFFFFFFF
        total += h % 1009
    return total


def check(results, n, threads, state):
    return same_result(results)
