"""Contended: every thread appends to one shared list; no item may be lost.

Each thread appends in batches of 64 and then pops 64 items back (from
wherever they are, possibly another thread's), so memory stays bounded at any
scale while every append and pop still hits the same list. Items are
conserved: the list ends empty and the popped items sum to the appended ones.
"""

DESCRIPTION = "appends (and pops) on one shared list; every item must arrive"
KIND = "contended"
BASE = 6000000
BATCH = 64


def setup(n, threads):
    return []


def run(n, shared):
    append, pop = shared.append, shared.pop
    popped = 0
    for start in range(0, n, BATCH):
        stop = min(start + BATCH, n)
        for i in range(start, stop):
            append(i)
        for _ in range(stop - start):
            popped += pop()
    return popped


def check(results, n, threads, shared):
    if shared:
        return "list still holds %d items, expected 0" % len(shared)
    expected = threads * (n * (n - 1) // 2)
    if sum(results) != expected:
        return "popped items sum to %d, appended %d" % (sum(results), expected)
    return None
