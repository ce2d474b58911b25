"""Context managers: entering and leaving a user-defined context manager."""
from _checks import same_result

DESCRIPTION = "with-statements on a user-defined context manager"
KIND = "private"
BASE = 780000


class Depth:
    def __init__(self):
        self.level = 0
        self.deepest = 0

    def __enter__(self):
        self.level += 1
        if self.level > self.deepest:
            self.deepest = self.level
        return self

    def __exit__(self, exc_type, exc, tb):
        self.level -= 1
        return False


def run(n, state):
    depth = Depth()
    total = 0
    for i in range(n):
        with depth:
            with depth as d:
                total += d.level + (i & 3)
    return total, depth.level, depth.deepest


def check(results, n, threads, state):
    return same_result(results)
