"""A workload whose second thread raises: the driver must exit non-zero."""
import threading

DESCRIPTION = "fixture: a worker raises"
KIND = "private"
BASE = 100


def setup(n, threads):
    return {"lock": threading.Lock(), "started": 0}


def run(n, state):
    with state["lock"]:
        state["started"] += 1
        mine = state["started"]
    if mine == 2:
        raise ValueError("worker %d failed on purpose" % mine)
    return n
