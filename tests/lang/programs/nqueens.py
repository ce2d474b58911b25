# n-queens with generators and sets, plus permutation-based check
def permutations(seq):
    seq = list(seq)
    if not seq:
        yield ()
        return
    for i in range(len(seq)):
        head = seq[i]
        for tail in permutations(seq[:i] + seq[i + 1:]):
            yield (head,) + tail


def queens_perm(n):
    cols = range(n)
    for vec in permutations(cols):
        if n == len(set(vec[i] + i for i in cols)) == len({vec[i] - i for i in cols}):
            yield vec


def queens_backtrack(n):
    sol = []
    used_cols, diag1, diag2 = set(), set(), set()

    def place(row):
        if row == n:
            yield tuple(sol)
            return
        for c in range(n):
            if c in used_cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            used_cols.add(c); diag1.add(row + c); diag2.add(row - c)
            sol.append(c)
            yield from place(row + 1)
            sol.pop()
            used_cols.discard(c); diag1.remove(row + c); diag2.remove(row - c)

    yield from place(0)


def board(sol):
    n = len(sol)
    return "\n".join("".join("Q" if sol[r] == c else "." for c in range(n)) for r in range(n))


for n in range(1, 8):
    a = list(queens_perm(n))
    b = list(queens_backtrack(n))
    assert sorted(a) == sorted(b), n
    print(n, len(a), a[:2])
print(board(next(queens_backtrack(6))))
sols = set(queens_backtrack(8))
print(len(sols))
mirror = {tuple(7 - c for c in s) for s in sols}
print(mirror == sols, len(sols & mirror), len(sols - mirror))
rot = frozenset(tuple(s[::-1]) for s in sols)
print(len(rot), rot <= sols, min(rot), max(sols))
g = queens_backtrack(5)
print(next(g), next(g))
g.close()
print(sum(1 for _ in queens_backtrack(9)))
