"""Method calls on a thread-private instance."""
from _checks import same_result

DESCRIPTION = "method calls on a thread-private instance"
KIND = "private"
BASE = 1700000


class Accumulator:
    def __init__(self):
        self.total = 0
        self.count = 0

    def add(self, value):
        self.total += value
        self.count += 1

    def mean(self):
        return self.total // self.count if self.count else 0


def run(n, state):
    acc = Accumulator()
    m = 0
    for i in range(n):
        acc.add(i & 255)
        m = acc.mean()
    return acc.total, m


def check(results, n, threads, state):
    return same_result(results)
