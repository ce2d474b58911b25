"""Shared reads: one threading.local, each thread reading and updating its own slot."""
import threading

from _checks import same_result

DESCRIPTION = "one threading.local whose per-thread attributes every thread reads"
KIND = "shared"
BASE = 5800000

context = threading.local()


def run(n, state):
    context.depth = 3
    context.count = 0
    total = 0
    for i in range(n):
        total += context.depth
        if i & 15 == 0:
            context.count += 1
    return total, context.count


def check(results, n, threads, state):
    return same_result(results)
