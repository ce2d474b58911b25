"""Sequence unpacking: tuple and list unpacking, swaps and starred targets in tight loops.

Usage: unpack_sequence.py [ROUNDS].
"""
import sys

DEFAULT_SIZE = 900000
TEST_SIZE = 1000


def unpack_tuples(rounds):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    total = 0
    for _ in range(rounds):
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        total += a + j
    return total


def unpack_lists(rounds):
    seq = [10, 20, 30, 40, 50]
    total = 0
    for _ in range(rounds):
        a, b, c, d, e = seq
        a, b, c, d, e = seq
        a, b, c, d, e = seq
        total += c - e
    return total


def swaps_and_stars(rounds):
    x, y, z = 1, 2, 3
    total = 0
    for k in range(rounds):
        x, y = y, x
        x, y, z = z, x, y
        first, *middle, last = (k, x, y, z)
        (p, q), r = (first, last), len(middle)
        total += p - q + r
    return total


def main(rounds):
    results = [unpack_tuples(rounds), unpack_lists(rounds), swaps_and_stars(rounds)]
    print("tuples %d, lists %d, swaps %d" % tuple(results))
    print("checksum: %d" % sum(results))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
