"""Bisection on sorted sequences (tandem). The searches compare with <
only, in the same direction as CPython (x < a[mid] for the right edge,
a[mid] < x for the left), so user types with a lone __lt__ behave alike.
key= applies to the elements of a, never to x, as in CPython 3.10+."""

__all__ = ['bisect_left', 'bisect_right', 'bisect', 'insort_left',
           'insort_right', 'insort']


def _index(v):
    conv = getattr(type(v), '__index__', None)
    return None if conv is None else conv(v)


def _bounds(a, lo, hi):
    # Checked as CPython's C version does: lo and hi must be integers, and
    # hi == -1 means "to the end", like None.
    n = _index(lo)
    if n is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(lo).__name__)
    lo = n
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is not None:
        n = _index(hi)
        if n is None:
            raise TypeError("argument should be integer or None, not '%s'" % type(hi).__name__)
        hi = n
    if hi is None or hi == -1:
        hi = len(a)
    return lo, hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Index where x would go to stay sorted, after any equal items."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Index where x would go to stay sorted, before any equal items."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x after any equal items, keeping a sorted."""
    if key is None:
        pos = bisect_right(a, x, lo, hi)
    else:
        pos = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(pos, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x before any equal items, keeping a sorted."""
    if key is None:
        pos = bisect_left(a, x, lo, hi)
    else:
        pos = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(pos, x)


bisect = bisect_right
insort = insort_right
