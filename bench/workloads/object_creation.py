"""Object creation: instances of a class that belongs to the creating thread."""
from _checks import same_result

DESCRIPTION = "creating instances of a thread-private class"
KIND = "private"
BASE = 2200000


def run(n, state):
    # The class is created per thread; shared_class measures one class
    # instantiated by all threads.
    class Vec:
        def __init__(self, x, y):
            self.x = x
            self.y = y

    total = 0
    for i in range(n):
        v = Vec(i, i + 1)
        total += v.y - v.x
    return total


def check(results, n, threads, state):
    return same_result(results)
