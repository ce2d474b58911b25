"""Iterator building blocks (tandem): count, cycle, repeat, accumulate,
chain, compress, dropwhile, filterfalse, groupby, islice, pairwise, starmap,
takewhile, tee, zip_longest, product, permutations, combinations,
combinations_with_replacement. Written for tandem; results, laziness and
error messages follow CPython 3.11.

Most tools are generators behind a function that checks and converts its
arguments first, so errors surface at the call as in CPython."""

# count is native: next() must be atomic on both builds (threads use it to
# hand out unique ids) and cheap in loops.
from _itertools import count

_MAXSIZE = 9223372036854775807


class repeat:
    __slots__ = ('_obj', '_times')

    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("'%s' object cannot be interpreted as an integer"
                                % type(times).__name__)
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        t = self._times
        if t is None:
            return self._obj
        if t <= 0:
            raise StopIteration
        self._times = t - 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._times)


def _cycle(it):
    saved = []
    for x in it:
        yield x
        saved.append(x)
    if not saved:
        return
    while True:
        for x in saved:
            yield x


def cycle(iterable, /):
    return _cycle(iter(iterable))


def _accumulate(it, func, initial):
    total = initial
    if total is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for x in it:
            total = total + x
            yield total
    else:
        for x in it:
            total = func(total, x)
            yield total


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _chain(iterables):
    for it in iterables:
        yield from it


def chain(*iterables):
    return _chain(iterables)


def _from_iterable(iterable, /):
    return _chain(iter(iterable))


chain.from_iterable = _from_iterable


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def dropwhile(predicate, iterable, /):
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if not predicate(x):
            return
        yield x


def takewhile(predicate, iterable, /):
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not predicate(x):
                yield x


def filterfalse(function, iterable, /):
    return _filterfalse(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def starmap(function, iterable, /):
    return _starmap(function, iter(iterable))


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield (a, b)
        a = b


def pairwise(iterable, /):
    return _pairwise(iter(iterable))


def _zip_longest(its, fillvalue):
    n = len(its)
    active = n
    if not n:
        return
    while True:
        values = []
        for i in range(n):
            it = its[i]
            if it is None:
                values.append(fillvalue)
                continue
            try:
                values.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                its[i] = None
                values.append(fillvalue)
        yield tuple(values)


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(x) for x in iterables], fillvalue)


class groupby:
    # Groups read from the shared iterator; advancing the groupby retires
    # the current group (its generator checks the generation marker).
    __slots__ = ('_keyfunc', '_it', '_tgtkey', '_currkey', '_currvalue',
                 '_gen')

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _unset
        self._gen = None

    def __iter__(self):
        return self

    def _advance(self):
        v = next(self._it)
        self._currvalue = v
        self._currkey = v if self._keyfunc is None else self._keyfunc(v)

    def __next__(self):
        self._gen = gen = object()
        if self._currkey is _unset:
            self._advance()
        else:
            while self._currkey == self._tgtkey:
                self._advance()
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, gen))

    def _grouper(self, tgtkey, gen):
        while self._gen is gen and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._advance()
            except StopIteration:
                return


_unset = object()


def _islice(it, start, stop, step):
    # Consumption matches CPython item for item: the first `start` items are
    # skipped even when the slice is empty, and after the last item taken no
    # more is read than up to the next index (capped at stop).
    if start:
        for _ in zip(range(start), it):
            pass
    cnt = start
    if stop is None:
        if step == 1:
            yield from it
        else:
            for k, x in enumerate(it):
                if not k % step:
                    yield x
        return
    if cnt >= stop:
        return
    if step == 1:
        # zip asks range first, so nothing past stop is read.
        for _, x in zip(range(stop - cnt), it):
            yield x
        return
    nxt = cnt
    while cnt < stop:
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if cnt >= stop:
            return
        try:
            x = next(it)
        except StopIteration:
            return
        cnt += 1
        yield x
        nxt += step
        if nxt > stop:
            nxt = stop


def _index_arg(v, msg):
    if v is None:
        return None
    try:
        v = v.__index__()
    except AttributeError:
        raise ValueError(msg) from None
    if not 0 <= v <= _MAXSIZE:
        raise ValueError(msg)
    return v


def islice(iterable, *args):
    nargs = len(args)
    if nargs == 1:
        start, stop, step = 0, args[0], 1
        stop = _index_arg(stop, 'Stop argument for islice() must be None or '
                          'an integer: 0 <= x <= sys.maxsize.')
    elif 2 <= nargs <= 3:
        start, stop = args[0], args[1]
        step = args[2] if nargs == 3 else 1
        msg = ('Indices for islice() must be None or an integer: '
               '0 <= x <= sys.maxsize.')
        start = _index_arg(start, msg)
        stop = _index_arg(stop, msg)
        if start is None:
            start = 0
        if step is None:
            step = 1
        else:
            try:
                step = step.__index__()
            except AttributeError:
                step = -1
            if step <= 0:
                raise ValueError('Step for islice() must be a positive '
                                 'integer or None.')
    elif nargs == 0:
        raise TypeError('islice expected at least 2 arguments, got 1')
    else:
        raise TypeError('islice expected at most 4 arguments, got %d'
                        % (nargs + 1))
    return _islice(iter(iterable), start, stop, step)


class _tee:
    # Iterators made by one tee() call share a singly linked list of
    # [value, next] cells; the slowest one keeps the unread tail alive.
    __slots__ = ('_it', '_link', '__weakref__')

    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        nxt = link[1]
        if nxt is None:
            value = next(self._it)
            nxt = link[1]
            if nxt is None:
                nxt = [value, None]
                link[1] = nxt
        self._link = nxt
        return nxt[0]

    def __copy__(self):
        return _tee(self._it, self._link)


def tee(iterable, n=2, /):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(it, [None, None])
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)


def _product(pools):
    n = len(pools)
    for p in pools:
        if not p:
            return
    if n == 0:
        yield ()
        return
    last = pools[-1]
    n -= 1
    idx = [0] * n
    cur = [p[0] for p in pools[:n]]
    while True:
        # The rightmost wheel runs in the inner loop; the others turn like
        # an odometer once per pass over it.
        prefix = tuple(cur)
        for y in last:
            yield prefix + (y,)
        i = n - 1
        while i >= 0:
            j = idx[i] + 1
            pool = pools[i]
            if j < len(pool):
                idx[i] = j
                cur[i] = pool[j]
                break
            idx[i] = 0
            cur[i] = pool[0]
            i -= 1
        if i < 0:
            return


def product(*iterables, repeat=1):
    if not isinstance(repeat, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(repeat).__name__)
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(p) for p in iterables] * repeat
    return _product(pools)


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(r).__name__)
    if r < 0:
        raise ValueError('r must be non-negative')


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    # Lexicographic order of index tuples by the classic next-permutation
    # step over all n indices. Reversing the unused tail first (it is
    # ascending after every step) makes the step advance the first r
    # positions, so each r-prefix comes out exactly once.
    idx = list(range(n))
    get = pool.__getitem__
    yield tuple(map(get, idx[:r]))
    while True:
        if r < n:
            idx[r:] = idx[r:][::-1]
        i = n - 2
        while i >= 0 and idx[i] > idx[i + 1]:
            i -= 1
        if i < 0:
            return
        j = n - 1
        while idx[j] < idx[i]:
            j -= 1
        idx[i], idx[j] = idx[j], idx[i]
        idx[i + 1:] = idx[i + 1:][::-1]
        yield tuple(map(get, idx[:r]))


def permutations(iterable, r=None):
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    else:
        _check_r(r)
    return _permutations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    idx = list(range(r))
    get = pool.__getitem__
    yield tuple(map(get, idx))
    while True:
        i = r - 1
        while i >= 0 and idx[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        idx[i] += 1
        for j in range(i + 1, r):
            idx[j] = idx[j - 1] + 1
        yield tuple(map(get, idx))


def combinations(iterable, r):
    _check_r(r)
    return _combinations(tuple(iterable), r)


def _combinations_wr(pool, r):
    n = len(pool)
    if not n and r:
        return
    idx = [0] * r
    get = pool.__getitem__
    yield tuple(map(get, idx))
    while True:
        i = r - 1
        while i >= 0 and idx[i] == n - 1:
            i -= 1
        if i < 0:
            return
        v = idx[i] + 1
        for j in range(i, r):
            idx[j] = v
        yield tuple(map(get, idx))


def combinations_with_replacement(iterable, r):
    _check_r(r)
    return _combinations_wr(tuple(iterable), r)
