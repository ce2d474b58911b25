"""Helpers shared by the stress scripts (not a test itself: the leading
underscore keeps scripts/run-stress from running it).

args()      -> (threads, seconds) from argv, defaults 4 threads, 1 s.
run(n, fn)  -> start n threads running fn(i), join them, return their
               results in order; if any worker raised, fail with its repr.
until(s)    -> a deadline s seconds from now, for `while time.monotonic() < d`.
"""
import sys
import threading
import time


def args():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    assert threads >= 1 and seconds > 0, "usage: SCRIPT [threads] [seconds]"
    return threads, seconds


def until(seconds):
    return time.monotonic() + seconds


def run(n, fn):
    results = [None] * n
    errors = []

    def body(i):
        try:
            results[i] = fn(i)
        except BaseException as e:  # reported by the main thread below
            errors.append("thread %d: %r" % (i, e))

    ts = [threading.Thread(target=body, args=(i,), name="stress-%d" % i) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if errors:
        raise AssertionError("%d worker(s) failed: %s" % (len(errors), "; ".join(errors[:5])))
    return results
