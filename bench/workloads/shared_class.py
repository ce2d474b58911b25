"""Shared reads: every thread instantiates the same module-level class."""
from _checks import same_result

DESCRIPTION = "one module-level class instantiated by every thread"
KIND = "shared"
BASE = 2000000


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def run(n, state):
    total = 0
    for i in range(n):
        p = Point(i, -i)
        total += p.x + p.y + 1
    return total


def check(results, n, threads, state):
    return same_result(results)
