"""Generator iteration: a generator pipeline consumed by sum()."""
from _checks import same_result

DESCRIPTION = "iterating generators (generator function and expressions)"
KIND = "private"
BASE = 120000


def countdown(k):
    while k > 0:
        yield k
        k -= 1


def run(n, state):
    total = 0
    for i in range(n):
        evens = (x for x in countdown(40) if x % 2 == 0)
        total += sum(x * 3 for x in evens) + (i & 1)
    return total


def check(results, n, threads, state):
    return same_result(results)
