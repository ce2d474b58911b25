"""Condition and Barrier: threads take turns through a Condition (turn passes
0, 1, ..., N-1, 0, ... with wait_for/notify_all; every turn is taken exactly
once in order), then run Barrier phases in lockstep (after each wait every
thread's slot holds the current phase)."""
import threading
import time
from _stress import args, run, until

N, SECONDS = args()
cond = threading.Condition()
turn = {"next": 0, "log": [], "stop": False}
barrier = threading.Barrier(N)
slots = [-1] * N
stop = [False]


def take_turns(i):
    mine = 0
    deadline = until(SECONDS / 2)
    while True:
        with cond:
            ok = cond.wait_for(lambda: turn["stop"] or turn["next"] % N == i, timeout=60)
            assert ok, "thread %d starved waiting for its turn" % i
            if turn["stop"]:
                return mine
            turn["log"].append(i)
            turn["next"] += 1
            mine += 1
            if i == N - 1 and time.monotonic() > deadline:
                turn["stop"] = True   # only after a full round, so turns stay equal
            cond.notify_all()


def phases(i):
    phase = 0
    deadline = until(SECONDS / 2)
    while True:
        slots[i] = phase
        barrier.wait(60)
        assert all(s == phase for s in slots), "phase %d: slots %r" % (phase, slots)
        if i == 0:
            stop[0] = time.monotonic() > deadline   # read by all after the next wait
        barrier.wait(60)
        if stop[0]:
            return phase + 1
        phase += 1


results = run(N, lambda i: (take_turns(i), phases(i)))
turns = [r[0] for r in results]
log = turn["log"]
assert log == [k % N for k in range(len(log))], "turns out of order: %r" % log[:20]
assert len(set(turns)) == 1, "unequal turns %r" % turns
assert len(set(r[1] for r in results)) == 1, "threads saw different phase counts"
print("OK cond_barrier threads=%d turns=%d phases=%d" % (N, len(log), results[0][1]))
