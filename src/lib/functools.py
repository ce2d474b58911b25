"""Higher-order functions (tandem): wraps, update_wrapper, partial,
partialmethod, reduce, lru_cache, cache, total_ordering, cmp_to_key,
cached_property, singledispatch. Written for tandem; behaviour follows
CPython 3.11's functools."""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch',
           'singledispatchmethod', 'cached_property']

import _thread
from collections import namedtuple

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last so that a __wrapped__ copied from wrapped's __dict__ does not
    # hide the function actually being wrapped.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# ---- total_ordering ------------------------------------------------------
# Each derived operator calls the root through the type so that a subclass
# overriding the root is honoured, and passes NotImplemented through.

def _gt_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _le_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _ge_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _ge_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _lt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _gt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _lt_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _ge_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _le_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _le_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _gt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _lt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r


_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt),
               ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le),
               ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt),
               ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge),
               ('__lt__', _lt_from_ge)],
}


def total_ordering(cls):
    roots = {op for op in _convert
             if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    # The same preference as CPython (__lt__ first), so that which methods
    # get generated is identical.
    root = max(roots)
    for name, func in _convert[root]:
        if name not in roots:
            func.__qualname__ = func.__name__ = name
            setattr(cls, name, func)
    return cls


# ---- cmp_to_key ----------------------------------------------------------

def cmp_to_key(mycmp):
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


# ---- reduce --------------------------------------------------------------

_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


# ---- partial -------------------------------------------------------------

class partial:
    __slots__ = ('func', 'args', 'keywords', '__dict__', '__weakref__')

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        # Flatten partial(partial(f, a), b) into partial(f, a, b) like
        # CPython, so that nesting costs nothing per call.
        if type(func) is partial and cls is partial:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super(partial, cls).__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        if self.keywords:
            keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        qualname = type(self).__qualname__
        module = type(self).__module__
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        if module == 'functools':
            return 'functools.%s(%s)' % (qualname, ', '.join(parts))
        return '%s(%s)' % (qualname, ', '.join(parts))

    def __get__(self, obj, objtype=None):
        # Like CPython's C partial: not a method descriptor.
        return self

    def __reduce__(self):
        return (type(self), (self.func,), (self.func, self.args,
                self.keywords or None, self.__dict__ or None))


class partialmethod:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        return 'functools.%s(%s)' % (type(self).__qualname__, ', '.join(parts))

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        if isinstance(self.func, (staticmethod, classmethod)) or obj is None:
            if get is not None:
                bound = get(obj, cls)
                if bound is not self.func:
                    return partial(bound, *self.args, **self.keywords)
        if obj is None:
            return self
        func, args, keywords = self.func, self.args, self.keywords

        def method(*a, **kw):
            return func(obj, *args, *a, **{**keywords, **kw})
        return method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---- lru_cache -----------------------------------------------------------

_CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])

# Separates positional from keyword arguments in a cache key; a private
# object so that no user value can collide with it.
_kwd_mark = (object(),)
_fasttypes = frozenset({int, str})


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += _kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in _fasttypes:
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError(
            'Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    # The cache is a dict whose insertion order is the recency order (oldest
    # first). The lock guards the bookkeeping, never the user call, so a
    # recursive cached function works, and threads (ft build) keep the dict
    # and the counters exact; two threads missing on one key may both call
    # the function, as in CPython. Keys are hashed before the lock is taken
    # where an error could otherwise leave it held.
    sentinel = object()
    make_key = _make_key
    # The keys _make_key gives a lone argument of these types, inlined on
    # the hot path; they decide which calls share an entry (f(1) vs f(1.0)).
    fasttypes = _fasttypes
    cache = {}
    cache_get = cache.get
    hits = misses = 0
    lock = _thread.allocate_lock()
    acquire = lock.acquire
    release = lock.release

    if maxsize == 0:
        def wrapper(*args, **kwds):
            nonlocal misses
            acquire()
            misses += 1
            release()
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            if kwds or typed:
                key = make_key(args, kwds, typed)
            elif len(args) == 1 and type(args[0]) in fasttypes:
                key = args[0]
            else:
                key = args
            result = cache_get(key, sentinel)
            if result is not sentinel:
                acquire()
                hits += 1
                release()
                return result
            acquire()
            misses += 1
            release()
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            if kwds or typed:
                key = make_key(args, kwds, typed)
            elif len(args) == 1 and type(args[0]) in fasttypes:
                key = args[0]
            else:
                key = args
            result = cache_get(key, sentinel)
            if result is not sentinel:
                with lock:
                    # Move to the most recent end, unless another thread
                    # evicted it meanwhile.
                    if cache.pop(key, sentinel) is not sentinel:
                        cache[key] = result
                    hits += 1
                return result
            with lock:
                misses += 1
            result = user_function(*args, **kwds)
            with lock:
                if key not in cache:
                    cache[key] = result
                    if len(cache) > maxsize:
                        del cache[next(iter(cache))]
            return result

    def cache_info():
        with lock:
            return _CacheInfo(hits, misses, maxsize, len(cache))

    def cache_clear():
        nonlocal hits, misses
        with lock:
            cache.clear()
            hits = misses = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    return lru_cache(maxsize=None)(user_function)


# ---- singledispatch ------------------------------------------------------

def _find_impl(cls, registry):
    for base in cls.__mro__:
        if base in registry:
            return registry[base]
    # Classes registered as virtual bases (ABCs) are not in the MRO.
    best = None
    for typ, func in registry.items():
        if typ is object:
            continue
        try:
            if issubclass(cls, typ) and (best is None or issubclass(typ, best[0])):
                best = (typ, func)
        except TypeError:
            pass
    if best is not None:
        return best[1]
    return registry.get(object)


def singledispatch(func):
    registry = {}
    dispatch_cache = {}

    def dispatch(cls):
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        impl = _find_impl(cls, registry)
        dispatch_cache[cls] = impl
        return impl

    def _is_valid_dispatch_type(cls):
        return isinstance(cls, type)

    def register(cls, func=None):
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError('Invalid first argument to `register()`. '
                                '%r is not a class.' % (cls,))
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    'Invalid first argument to `register()`: %r. Use either '
                    '`@register(some_class)` or plain `@register` on an '
                    'annotated function.' % (cls,))
            func = cls
            argname, cls = next(iter(ann.items()))
            if isinstance(cls, str):
                raise NotImplementedError(
                    'singledispatch: string annotations are not supported')
            if not _is_valid_dispatch_type(cls):
                raise TypeError('Invalid annotation for %r. %r is not a class.'
                                % (argname, cls))
        registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument'
                            % funcname)
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method


# ---- cached_property -----------------------------------------------------

_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                'Cannot assign the same cached_property to two different '
                'names (%r and %r).' % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without '
                            'calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = ("No '__dict__' attribute on %r instance to cache %r "
                   "property." % (type(instance).__name__, self.attrname))
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val
