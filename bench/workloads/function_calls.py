"""Small function calls with positional, default and keyword arguments."""
from _checks import same_result

DESCRIPTION = "calls to small thread-private functions (positional, default, keyword args)"
KIND = "private"
BASE = 2700000


def run(n, state):
    # Local functions: each thread calls its own function objects.
    def add(a, b):
        return a + b

    def scale(x, factor=3):
        return x * factor

    def clamp(x, lo=0, hi=1 << 20):
        return lo if x < lo else hi if x > hi else x

    total = 0
    for i in range(n):
        total = clamp(add(total, scale(i & 7)), hi=1 << 24)
    return total


def check(results, n, threads, state):
    return same_result(results)
