"""Generators: walk a binary tree in order with recursive generators (yield from)
and feed the values through a pipeline of generator stages.

Usage: generators.py [ROUNDS].
"""
import sys

DEFAULT_SIZE = 200
TEST_SIZE = 2
DEPTH = 12


class Node:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(lo, hi):
    """A balanced tree holding lo..hi-1."""
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(build(lo, mid), mid, build(mid + 1, hi))


def squares(values):
    for v in values:
        yield v * v


def every_third(values):
    for i, v in enumerate(values):
        if i % 3 == 0:
            yield v


def running_total(values):
    total = 0
    for v in values:
        total += v
        yield total


def main(rounds):
    tree = build(0, 2 ** DEPTH - 1)
    checksum = 0
    for r in range(rounds):
        last = 0
        for last in running_total(every_third(squares(tree))):
            pass
        checksum = (checksum + last + r) % 1000000007
    print("tree of %d nodes, last running total %d" % (2 ** DEPTH - 1, last))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
