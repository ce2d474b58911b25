"""List building and sorting: 64 pseudo-random ints per unit, sorted."""
from _checks import same_result

DESCRIPTION = "building lists of 64 ints and sorting them"
KIND = "private"
BASE = 51000


def run(n, state):
    seed = 12345
    total = 0
    for _ in range(n):
        values = []
        for _ in range(64):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            values.append(seed >> 8)
        values.sort()
        total += values[0] + values[32] + values[-1]
    return total


def check(results, n, threads, state):
    return same_result(results)
