"""Recursion: naive Fibonacci, one fib(12) per unit of work."""
from _checks import same_result

DESCRIPTION = "recursive calls (naive fib(12) per unit)"
KIND = "private"
BASE = 14000


def run(n, state):
    # Defined inside run so every thread recurses through its own function
    # object; shared_function covers the shared case.
    def fib(k):
        if k < 2:
            return k
        return fib(k - 1) + fib(k - 2)

    total = 0
    for _ in range(n):
        total += fib(12)
    return total


def check(results, n, threads, state):
    return same_result(results)
