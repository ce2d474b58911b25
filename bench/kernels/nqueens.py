"""N queens: every placement of N non-attacking queens, found by filtering permutations.

Usage: nqueens.py [N]. Each solution is a tuple giving the queen's column in
each row; the checksum folds all solutions in the order they are found.
"""
import sys

DEFAULT_SIZE = 9
TEST_SIZE = 5


def permutations(items):
    """Yield every ordering of items (recursive, in lexicographic order of positions)."""
    if len(items) <= 1:
        yield tuple(items)
        return
    for i, first in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield (first,) + rest


def solutions(n):
    cols = list(range(n))
    for vec in permutations(cols):
        # Distinct diagonals <=> no two queens attack each other (rows and
        # columns are distinct by construction).
        if n == len({vec[i] + i for i in cols}) == len({vec[i] - i for i in cols}):
            yield vec


def main(n):
    count = 0
    checksum = 0
    first = None
    for sol in solutions(n):
        if first is None:
            first = sol
        count += 1
        for c in sol:
            checksum = (checksum * 31 + c) % 1000000007
    print("%d queens: %d solutions, first %r" % (n, count, first))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
