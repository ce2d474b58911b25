"""Shallow and deep copies (tandem): copy, deepcopy (with memo), the
__copy__/__deepcopy__ hooks, __getstate__/__setstate__, __slots__, and a
class's own __reduce_ex__/__reduce__. Written for tandem; results follow
CPython 3.11's copy module. Instances of plain classes are rebuilt directly
(cls.__new__ plus their state), which is what CPython reaches through
object.__reduce_ex__."""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error


def _f():
    pass


class _C:
    def _m(self):
        pass


try:
    _complex = complex
except NameError:   # complex numbers are optional in tandem
    _complex = float

# Values copy and deepcopy hand back unchanged.
_atomic = {type(None), type(Ellipsis), type(NotImplemented), int, float,
           bool, _complex, bytes, str, range, slice, type, property,
           type(_f), type(len), type(int.__add__), type(_f.__code__)}
_method_type = type(_C()._m)
del _C


def copy(x):
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        return x
    copier = _deep_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The memo is keyed by id(): the originals must stay alive for as long
    # as the memo, or a new object could reuse an id and hit a stale entry.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A cycle through this tuple may have copied it already.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    y = set()
    memo[id(x)] = y
    for a in x:
        y.add(deepcopy(a, memo))
    return y


def _deepcopy_frozenset(x, memo):
    return frozenset([deepcopy(a, memo) for a in x])


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deep_dispatch = {
    list: _deepcopy_list,
    tuple: _deepcopy_tuple,
    dict: _deepcopy_dict,
    set: _deepcopy_set,
    frozenset: _deepcopy_frozenset,
    bytearray: _deepcopy_bytearray,
    _method_type: _deepcopy_method,
}


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__')
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (c.__name__.lstrip('_'), name)
            names.append(name)
    return names


def _default_state(x, cls):
    getstate = getattr(cls, '__getstate__', None)
    if getstate is not None and getstate is not getattr(object, '__getstate__', None):
        return x.__getstate__()
    try:
        state = x.__dict__
    except AttributeError:
        state = None
    if not state:
        state = None
    slots = {}
    for name in _slot_names(cls):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


# A class that overrides either of these chooses its own copy recipe.
_object_reduce_ex = getattr(object, '__reduce_ex__', None)
_object_reduce = getattr(object, '__reduce__', None)

_builtin_bases = (tuple, int, float, _complex, str, bytes, frozenset)


def _reconstruct(x, memo):
    deep = memo is not None
    cls = type(x)
    reducer = None
    if getattr(cls, '__reduce_ex__', None) is not _object_reduce_ex:
        reducer = lambda: x.__reduce_ex__(4)
    elif getattr(cls, '__reduce__', None) is not _object_reduce:
        reducer = x.__reduce__
    listiter = dictiter = None
    if reducer is not None:
        rv = reducer()
        if isinstance(rv, str):
            return x
        if not isinstance(rv, tuple) or not 2 <= len(rv) <= 6:
            raise Error('un(deep)copyable object of type %s' % cls)
        func, args = rv[0], rv[1]
        state = rv[2] if len(rv) > 2 else None
        listiter = rv[3] if len(rv) > 3 else None
        dictiter = rv[4] if len(rv) > 4 else None
        if deep and args:
            args = deepcopy(args, memo)
        y = func(*args)
    else:
        if hasattr(cls, '__getnewargs_ex__'):
            args, kwargs = x.__getnewargs_ex__()
        elif hasattr(cls, '__getnewargs__'):
            args, kwargs = x.__getnewargs__(), {}
        else:
            args, kwargs = (), {}
            for base in _builtin_bases:
                if isinstance(x, base):
                    args = (base(x),)
                    break
        if deep and (args or kwargs):
            args = deepcopy(args, memo)
            kwargs = deepcopy(kwargs, memo)
        y = cls.__new__(cls, *args, **kwargs)
        state = _default_state(x, cls)
        if isinstance(x, list):
            listiter = iter(x)
        elif isinstance(x, dict):
            dictiter = iter(x.items())
        elif isinstance(x, set):
            if deep:
                y.update([deepcopy(a, memo) for a in x])
            else:
                y.update(x)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
