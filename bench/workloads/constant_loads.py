"""Constant loads: string and tuple constants used in tests and lookups."""
from _checks import same_result

DESCRIPTION = "loading string and tuple constants"
KIND = "private"
BASE = 4000000


def run(n, state):
    hits = 0
    for i in range(n):
        kind = ("int", "float", "str", "list")[i & 3]
        if kind in ("int", "float"):
            hits += 1
        if kind == "str":
            hits += len("constant")
        hits += (1, 2, 3)[i % 3]
    return hits


def check(results, n, threads, state):
    return same_result(results)
