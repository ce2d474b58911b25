# Game of life, sudoku solver (backtracking with sets), word ladder BFS, a main() entry point
import sys

GLIDER = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
generation = 0


def step(cells):
    global generation
    generation += 1
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = (x + dx, y + dy)
                    counts[key] = counts.get(key, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in cells)}


def show(cells, w=8, h=6):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(w)) for y in range(h))


PUZZLE = ("530070000600195000098000060800060003400803001"
          "700020006060000280000419005000080079")


def solve(grid):
    try:
        i = grid.index(0)
    except ValueError:
        return grid
    r, c = divmod(i, 9)
    used = {grid[r * 9 + k] for k in range(9)} | {grid[k * 9 + c] for k in range(9)}
    br, bc = r - r % 3, c - c % 3
    used |= {grid[(br + a) * 9 + bc + b] for a in range(3) for b in range(3)}
    for v in range(1, 10):
        if v not in used:
            grid[i] = v
            if solve(grid):
                return grid
    grid[i] = 0
    return None


def ladder(start, goal, words):
    words = set(words)
    frontier, seen = [[start]], {start}
    while frontier:
        nxt = []
        for path in frontier:
            w = path[-1]
            if w == goal:
                return path
            for i in range(len(w)):
                for ch in "abcdefghijklmnopqrstuvwxyz":
                    cand = w[:i] + ch + w[i + 1:]
                    if cand in words and cand not in seen:
                        seen.add(cand)
                        nxt.append(path + [cand])
        frontier = nxt
    else:
        return None


def main(argv):
    cells = set(GLIDER)
    for _ in range(4):
        cells = step(cells)
    print(show(cells), generation, sorted(cells), sep="\n")
    blinker = {(1, 0), (1, 1), (1, 2)}
    print(step(step(blinker)) == blinker, step(blinker) == {(0, 1), (1, 1), (2, 1)})
    grid = solve([int(ch) for ch in PUZZLE])
    for r in range(9):
        row = grid[r * 9:(r + 1) * 9]
        print(" ".join("".join(map(str, row[k:k + 3])) for k in (0, 3, 6)))
    print(all(sorted(grid[r * 9:(r + 1) * 9]) == list(range(1, 10)) for r in range(9)))
    words = "cold cord card ward warm worm word wood golf gold bold bolt".split()
    print(ladder("cold", "warm", words), ladder("cold", "bolt", words), ladder("cold", "golf", words[:3]))
    n = 0
    while n < 10:
        n += 3
        if n == 7:
            break
    else:
        print("while-else ran, n =", n)
    for k in range(3):
        try:
            if k == 1:
                raise LookupError(k)
        except LookupError as e:
            print("caught", e)
        else:
            print("no error", k)
    print("to stderr", file=sys.stderr)
    return 0 if grid else 1


if __name__ == "__main__":
    print(__name__, sys.argv[0].endswith("puzzles.py"))
    sys.exit(main(sys.argv))
