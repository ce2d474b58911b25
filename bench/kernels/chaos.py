"""Chaos game: draw Barnsley's fern by iterating randomly chosen affine maps.

Points land on a 60 x 60 grid; the picture's cell counts are the result.
Randomness comes only from random.seed() and random.random(), which give the
same sequence on every conforming interpreter. Usage: chaos.py [ITERATIONS].
"""
import math
import random
import sys

DEFAULT_SIZE = 1000000
TEST_SIZE = 2000
GRID = 60

# (a, b, c, d, e, f, cumulative probability): x' = a x + b y + e, y' = c x + d y + f
MAPS = (
    (0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
    (0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.86),
    (0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.93),
    (-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 1.0),
)


def choose(r):
    for m in MAPS:
        if r < m[6]:
            return m
    return MAPS[-1]


def play(iterations, seed):
    random.seed(seed)
    grid = [[0] * GRID for _ in range(GRID)]
    x = y = 0.0
    for _ in range(iterations):
        a, b, c, d, e, f, _p = choose(random.random())
        x, y = a * x + b * y + e, c * x + d * y + f
        # The fern lies in -2.2 < x < 2.7, 0 <= y < 10.
        col = int((x + 2.2) / 4.9 * GRID)
        row = int(y / 10.0 * GRID)
        if 0 <= col < GRID and 0 <= row < GRID:
            grid[row][col] += 1
    return grid


def render(grid):
    """ASCII picture, top row first, one character per column and two grid rows
    (terminal cells are about twice as tall as wide). The shade follows the
    square root of the density, since the points pile up near the fern's tip."""
    marks = " .:*#"
    sums = [[grid[r][c] + grid[r + 1][c] for c in range(GRID)] for r in range(GRID - 2, -1, -2)]
    top = max(max(row) for row in sums) or 1
    return ["".join(marks[min(4, int(4 * math.sqrt(v / top) + 0.999))] for v in row).rstrip()
            for row in sums]


def main(iterations):
    grid = play(iterations, 1234)
    for line in render(grid):
        print(line)
    checksum = 0
    for row in grid:
        for v in row:
            checksum = (checksum * 131 + v) % 2147483647
    print("filled cells: %d" % sum(1 for row in grid for v in row if v))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
