"""Dict creation: small record-like dicts built from literals and comprehensions."""
from _checks import same_result

DESCRIPTION = "building small dicts (literals, dict(), comprehensions)"
KIND = "private"
BASE = 1000000


def run(n, state):
    total = 0
    for i in range(n):
        rec = {"id": i, "name": "item", "weight": i & 31, "tags": None}
        extra = dict(rec, weight=rec["weight"] + 1)
        if i & 7 == 0:
            squares = {k: k * k for k in range(8)}
            total += squares[i & 7]
        total += extra["weight"] + len(rec)
    return total


def check(results, n, threads, state):
    return same_result(results)
