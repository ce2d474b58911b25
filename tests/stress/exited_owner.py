"""Objects still owned by threads that have exited: each round, short-lived
threads build objects and store them in a shared list, then exit; the main
thread and a second wave of threads read, mutate and drop them later (their
owner is gone, so the drops cannot be handed back to it)."""
import time
from _stress import args, run, until

N, SECONDS = args()
PER_THREAD = 200


class Box:
    def __init__(self, i, k):
        self.key = (i, k)
        self.items = [i, k, "%d-%d" % (i, k)]
        self.meta = {"i": i, "k": k}


def check(b):
    i, k = b.key
    assert b.items == [i, k, "%d-%d" % (i, k)] and b.meta == {"i": i, "k": k}, \
        "box %r corrupted: %r %r" % (b.key, b.items, b.meta)


deadline = until(SECONDS)
rounds = boxes = 0
while rounds == 0 or time.monotonic() < deadline:
    shared = []
    run(N, lambda i: shared.extend([Box(i, k) for k in range(PER_THREAD)]))
    # Owners are gone. Second wave: each thread checks and mutates a slice,
    # keeps references in a local list and drops them when it exits.
    assert len(shared) == N * PER_THREAD, "lost boxes: %d" % len(shared)

    def second(i):
        mine = shared[i::N]
        for b in mine:
            check(b)
            b.items.append(b.meta.pop("k"))
        return len(mine)

    assert sum(run(N, second)) == len(shared)
    seen = set()
    for b in shared:                 # main thread reads, then drops everything
        i, k = b.key
        assert b.items[-1] == k and b.meta == {"i": i}, "second-wave update lost on %r" % (b.key,)
        seen.add(b.key)
    assert len(seen) == N * PER_THREAD
    boxes += len(shared)
    del shared, seen
    rounds += 1
print("OK exited_owner threads=%d rounds=%d boxes=%d" % (N, rounds, boxes))
