"""Contended: every thread stores into the same 256 keys of one shared dict."""

DESCRIPTION = "writes to the same keys of one shared dict"
KIND = "contended"
BASE = 11000000
KEYS = 256


def setup(n, threads):
    return {}


def run(n, table):
    for i in range(n):
        # The stored value encodes its key, so a torn or misplaced write shows.
        table[i % KEYS] = i
    return n


def check(results, n, threads, table):
    expected = min(n, KEYS)
    if len(table) != expected:
        return "dict has %d keys, expected %d" % (len(table), expected)
    for key, value in table.items():
        if value % KEYS != key:
            return "key %r holds %r" % (key, value)
    return None
