"""String building: formatting, concatenation, join and split of short strings."""
from _checks import same_result

DESCRIPTION = "building strings (f-strings, concatenation, join, split)"
KIND = "private"
BASE = 560000


def run(n, state):
    total = 0
    for i in range(n):
        name = f"user{i % 100}"
        line = name + ":" + str(i) + ":" + "%05d" % (i & 0xFFFF)
        parts = line.split(":")
        joined = "-".join(parts).upper()
        total += len(joined) + joined.count("0")
    return total


def check(results, n, threads, state):
    return same_result(results)
