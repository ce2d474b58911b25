DESCRIPTION = "a short private integer loop"
KIND = "private"
BASE = 20000


def run(n, state):
    s = 0
    for i in range(n):
        s += i & 7
    return s


def check(results, n, threads, state):
    want = sum(i & 7 for i in range(n))
    bad = [r for r in results if r != want]
    return "wrong sum %r" % bad[0] if bad else None
