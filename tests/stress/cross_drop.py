"""Objects created in one thread and dropped in another (the biased
refcounting queue path): producers build batches of fresh objects and hand
them over through a queue; consumers check every object's contents, then
drop the last reference. Nothing is corrupted, lost or freed early."""
import queue
import threading
import time
from _stress import args, run, until

N, SECONDS = args()
PRODUCERS = max(1, N // 2)
CONSUMERS = max(1, N - PRODUCERS)
q = queue.Queue(maxsize=8)


class Node:
    def __init__(self, tag):
        self.tag = tag
        self.payload = [tag, str(tag), (tag, tag + 1)]


def make_batch(i, n):
    tag = n * PRODUCERS + i
    return [Node(tag), [tag] * 3, {"tag": tag, "sq": tag * tag}, (tag, "x%d" % tag), {tag}]


def check_batch(b):
    node, lst, d, tup, st = b
    tag = node.tag
    assert node.payload == [tag, str(tag), (tag, tag + 1)], "node %r" % node.payload
    assert lst == [tag] * 3 and d == {"tag": tag, "sq": tag * tag}, "container corrupted at %d" % tag
    assert tup == (tag, "x%d" % tag) and st == {tag}, "tuple/set corrupted at %d" % tag
    return tag


def worker(i):
    if i >= PRODUCERS:
        tags = 0
        while True:
            b = q.get(timeout=60)
            if b is None:
                return tags
            check_batch(b)
            tags += 1
            del b                    # the last reference dies here, not in its owner
    deadline, n = until(SECONDS), 0
    while time.monotonic() < deadline:
        q.put(make_batch(i, n))
        n += 1
    return -n


def main(i):
    r = worker(i)
    if i < PRODUCERS:
        with done_lock:
            done[0] += 1
            last = done[0] == PRODUCERS
        if last:                     # the last producer stops every consumer
            for _ in range(CONSUMERS):
                q.put(None)
    return r


done = [0]
done_lock = threading.Lock()
results = run(PRODUCERS + CONSUMERS, main)
produced = -sum(results[:PRODUCERS])
consumed = sum(results[PRODUCERS:])
assert produced == consumed, "produced %d batches, consumed %d" % (produced, consumed)
print("OK cross_drop threads=%d batches=%d objects=%d" % (N, produced, produced * 5))
