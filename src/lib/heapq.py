"""Heap queue (tandem): a binary min-heap kept in a plain list, where
heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2].

The sift routines follow the classic bottom-up strategy (walk the hole
down to a leaf along the smaller child, then bubble the new item up) so
that the list holds the same layout as CPython's after every call: code
that prints a heap or indexes into it sees the same thing. Items are
compared only with <, as CPython does."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check(heap, func, arg=" 1"):
    if not isinstance(heap, list):
        raise TypeError("%s() argument%s must be list, not %s"
                        % (func, arg, type(heap).__name__))


def _bubble_up(heap, top, pos):
    # Move heap[pos] toward the root while it is smaller than its parent,
    # never above index top.
    item = heap[pos]
    while pos > top:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if item < above:
            heap[pos] = above
            pos = parent
            continue
        break
    heap[pos] = item


def _sink(heap, pos):
    # Bottom-up: carry the hole at pos to a leaf along the smaller child,
    # then let the displaced item rise to its place from there.
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _bubble_up(heap, start, pos)


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check(heap, "heappush")
    heap.append(item)
    _bubble_up(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check(heap, "heappop", "")
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sink(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (one step)."""
    _check(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    smallest = heap[0]
    heap[0] = item
    _sink(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push item, then pop and return the smallest item (one step)."""
    _check(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sink(heap, 0)
    return item


def heapify(x):
    """Transform list x into a heap, in place, in linear time."""
    _check(x, "heapify", "")
    for i in range(len(x) // 2 - 1, -1, -1):
        _sink(x, i)


# Max-heap twins, used by nsmallest and merge(reverse=True); CPython has
# them under the same private names and some programs reach for them.

def _bubble_up_max(heap, top, pos):
    item = heap[pos]
    while pos > top:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if above < item:
            heap[pos] = above
            pos = parent
            continue
        break
    heap[pos] = item


def _sink_max(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _bubble_up_max(heap, start, pos)


def _heapify_max(x):
    for i in range(len(x) // 2 - 1, -1, -1):
        _sink_max(x, i)


def _heappop_max(heap):
    last = heap.pop()
    if heap:
        largest = heap[0]
        heap[0] = last
        _sink_max(heap, 0)
        return largest
    return last


def _heapreplace_max(heap, item):
    largest = heap[0]
    heap[0] = item
    _sink_max(heap, 0)
    return largest


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator. Equal items come out in
    the order of the inputs that hold them (a stable merge)."""
    if reverse:
        fix, replace, pop, step = _heapify_max, _heapreplace_max, _heappop_max, -1
    else:
        fix, replace, pop, step = heapify, heapreplace, heappop, 1
    # Entries are [sort key, input rank, value, next]; the rank breaks ties
    # so equal keys never compare the values themselves.
    heap = []
    for rank, it in enumerate(iterables):
        nxt = iter(it).__next__
        try:
            value = nxt()
        except StopIteration:
            continue
        heap.append([value if key is None else key(value), rank * step, value, nxt])
    fix(heap)
    while len(heap) > 1:
        while True:
            entry = heap[0]
            yield entry[2]
            try:
                value = entry[3]()
            except StopIteration:
                pop(heap)
                break
            entry[0] = value if key is None else key(value)
            entry[2] = value
            replace(heap, entry)
    if heap:
        entry = heap[0]
        yield entry[2]
        yield from _rest(entry[3])


def _rest(nxt):
    while True:
        try:
            value = nxt()
        except StopIteration:
            return
        yield value


def nsmallest(n, iterable, key=None):
    """The n smallest items, as sorted(iterable, key=key)[:n]."""
    if n == 1:
        missing = object()
        best = min(iterable, default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if n <= 0:
        return []
    # Keep the n best seen so far in a max-heap of [key, arrival, value]:
    # the arrival number keeps the result stable and spares comparing values.
    it = iter(iterable)
    kept = []
    for arrival, value in zip(range(n), it):
        kept.append((value if key is None else key(value), arrival, value))
    if not kept:
        return []
    _heapify_max(kept)
    worst = kept[0][0]
    arrival = n
    for value in it:
        k = value if key is None else key(value)
        if k < worst:
            _heapreplace_max(kept, (k, arrival, value))
            worst = kept[0][0]
        arrival += 1
    kept.sort()
    return [entry[2] for entry in kept]


def nlargest(n, iterable, key=None):
    """The n largest items, as sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        missing = object()
        best = max(iterable, default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    # Min-heap of the n best; arrival numbers count down so an earlier item
    # wins a tie once the list is sorted in reverse.
    it = iter(iterable)
    kept = []
    for arrival, value in zip(range(0, -n, -1), it):
        kept.append((value if key is None else key(value), arrival, value))
    if not kept:
        return []
    heapify(kept)
    worst = kept[0][0]
    arrival = -n
    for value in it:
        k = value if key is None else key(value)
        if worst < k:
            heapreplace(kept, (k, arrival, value))
            worst = kept[0][0]
        arrival -= 1
    kept.sort(reverse=True)
    return [entry[2] for entry in kept]
