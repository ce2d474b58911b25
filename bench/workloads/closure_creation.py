"""Closure creation: a fresh nested function capturing a loop value per unit."""
from _checks import same_result

DESCRIPTION = "creating and calling closures"
KIND = "private"
BASE = 2400000


def run(n, state):
    def make_adder(k):
        def add(x):
            return x + k
        return add

    total = 0
    for i in range(n):
        f = make_adder(i & 15)
        total = f(total) & 0xFFFFFF
    return total


def check(results, n, threads, state):
    return same_result(results)
