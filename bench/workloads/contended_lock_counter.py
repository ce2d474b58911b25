"""Contended: every thread increments one counter under one threading.Lock."""
import threading

DESCRIPTION = "a shared counter incremented under one Lock (exact total)"
KIND = "contended"
BASE = 2700000


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.value = 0


def setup(n, threads):
    return Counter()


def run(n, counter):
    for _ in range(n):
        with counter.lock:
            counter.value += 1
    return n


def check(results, n, threads, counter):
    if counter.value != threads * n:
        return "counter is %d, expected %d" % (counter.value, threads * n)
    return None
