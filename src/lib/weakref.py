"""Weak references (CPython's weakref module, written for tandem).

The native core is _weakref (src/objects/weakref.c): ref, getweakrefcount,
getweakrefs. Proxies, finalize and the weak containers are built on it here.
The containers iterate over snapshots, so a referent dying during an
iteration (its entry is removed by a callback) never breaks the loop.
"""

from _weakref import ref, getweakrefcount, getweakrefs, ReferenceType

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


# ---- proxies -----------------------------------------------------------------

def _target(p):
    o = object.__getattribute__(p, "_proxy_ref")()
    if o is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return o


def _forward(name):
    def method(self, *args):
        return getattr(_target(self), name)(*args)
    method.__name__ = name
    return method


def _forward_binary(name, op):
    # Either side may be a proxy: unwrap both, then let the operator decide.
    def method(self, other):
        if isinstance(other, ProxyType):
            other = _target(other)
        return op(_target(self), other)
    method.__name__ = name
    return method


def _forward_reflected(name, op):
    def method(self, other):
        if isinstance(other, ProxyType):
            other = _target(other)
        return op(other, _target(self))
    method.__name__ = name
    return method


class _op:
    # the few operators the proxies forward (no dependency on `operator`)
    add = staticmethod(lambda a, b: a + b)
    sub = staticmethod(lambda a, b: a - b)
    mul = staticmethod(lambda a, b: a * b)
    truediv = staticmethod(lambda a, b: a / b)
    floordiv = staticmethod(lambda a, b: a // b)
    mod = staticmethod(lambda a, b: a % b)
    pow = staticmethod(lambda a, b: a ** b)
    lshift = staticmethod(lambda a, b: a << b)
    rshift = staticmethod(lambda a, b: a >> b)
    and_ = staticmethod(lambda a, b: a & b)
    or_ = staticmethod(lambda a, b: a | b)
    xor = staticmethod(lambda a, b: a ^ b)
    eq = staticmethod(lambda a, b: a == b)
    ne = staticmethod(lambda a, b: a != b)
    lt = staticmethod(lambda a, b: a < b)
    le = staticmethod(lambda a, b: a <= b)
    gt = staticmethod(lambda a, b: a > b)
    ge = staticmethod(lambda a, b: a >= b)
    index = staticmethod(lambda a: a.__index__())


class ProxyType:
    """A proxy for an object that is only weakly referenced."""

    def __init__(self, obj, callback=None):
        if callback is not None:
            selfref = ref(self)

            def cb(_, selfref=selfref, callback=callback):
                p = selfref()
                if p is not None:
                    callback(p)
            r = ref(obj, cb)
        else:
            r = ref(obj)
        object.__setattr__(self, "_proxy_ref", r)

    def __getattribute__(self, name):
        return getattr(_target(self), name)

    def __setattr__(self, name, value):
        setattr(_target(self), name, value)

    def __delattr__(self, name):
        delattr(_target(self), name)

    def __repr__(self):
        o = object.__getattribute__(self, "_proxy_ref")()
        if o is None:
            return "<weakproxy at %#x; dead>" % id(self)
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(_target(self))

    def __bool__(self):
        return bool(_target(self))

    def __len__(self):
        return len(_target(self))

    def __iter__(self):
        return iter(_target(self))

    def __next__(self):
        return next(_target(self))

    def __contains__(self, item):
        return item in _target(self)

    def __getitem__(self, key):
        return _target(self)[key]

    def __setitem__(self, key, value):
        _target(self)[key] = value

    def __delitem__(self, key):
        del _target(self)[key]

    def __index__(self):
        return _op.index(_target(self))

    def __int__(self):
        return int(_target(self))

    def __float__(self):
        return float(_target(self))

    def __neg__(self):
        return -_target(self)

    def __pos__(self):
        return +_target(self)

    def __abs__(self):
        return abs(_target(self))

    def __invert__(self):
        return ~_target(self)

    __hash__ = None

    __add__ = _forward_binary("__add__", _op.add)
    __sub__ = _forward_binary("__sub__", _op.sub)
    __mul__ = _forward_binary("__mul__", _op.mul)
    __truediv__ = _forward_binary("__truediv__", _op.truediv)
    __floordiv__ = _forward_binary("__floordiv__", _op.floordiv)
    __mod__ = _forward_binary("__mod__", _op.mod)
    __pow__ = _forward_binary("__pow__", _op.pow)
    __lshift__ = _forward_binary("__lshift__", _op.lshift)
    __rshift__ = _forward_binary("__rshift__", _op.rshift)
    __and__ = _forward_binary("__and__", _op.and_)
    __or__ = _forward_binary("__or__", _op.or_)
    __xor__ = _forward_binary("__xor__", _op.xor)
    __radd__ = _forward_reflected("__radd__", _op.add)
    __rsub__ = _forward_reflected("__rsub__", _op.sub)
    __rmul__ = _forward_reflected("__rmul__", _op.mul)
    __rtruediv__ = _forward_reflected("__rtruediv__", _op.truediv)
    __rfloordiv__ = _forward_reflected("__rfloordiv__", _op.floordiv)
    __rmod__ = _forward_reflected("__rmod__", _op.mod)
    __eq__ = _forward_binary("__eq__", _op.eq)
    __ne__ = _forward_binary("__ne__", _op.ne)
    __lt__ = _forward_binary("__lt__", _op.lt)
    __le__ = _forward_binary("__le__", _op.le)
    __gt__ = _forward_binary("__gt__", _op.gt)
    __ge__ = _forward_binary("__ge__", _op.ge)


class CallableProxyType(ProxyType):
    """A proxy for a callable object that is only weakly referenced."""

    def __call__(self, *args, **kwargs):
        return _target(self)(*args, **kwargs)


ProxyType.__name__ = ProxyType.__qualname__ = "weakproxy"
CallableProxyType.__name__ = CallableProxyType.__qualname__ = "weakcallableproxy"
ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    """Create a proxy object that weakly references 'object'."""
    if callable(obj):
        return CallableProxyType(obj, callback)
    return ProxyType(obj, callback)


# ---- WeakMethod ------------------------------------------------------------

class WeakMethod:
    """A weak reference to a bound method: alive while both the object and
    the function are."""

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        selfref = ref(self)

        def _cb(arg):
            self = selfref()
            if self is not None and self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)
        self._obj_ref = ref(obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True

    def __call__(self):
        obj = self._obj_ref()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return self._obj_ref == other._obj_ref and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash((self._obj_ref, self._func_ref))


# ---- WeakValueDictionary -------------------------------------------------------

class WeakValueDictionary:
    """Mapping class that references values weakly.

    Entries in the dictionary are discarded when no strong reference to the
    value exists anymore."""

    def __init__(self, other=(), /, **kw):
        selfref = ref(self)

        def remove(wr, selfref=selfref):
            self = selfref()
            if self is not None:
                key = wr._wv_key
                if self.data.get(key) is wr:
                    del self.data[key]
        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def _ref(self, key, value):
        r = _KeyedRef(value, self._remove)
        r._wv_key = key
        return r

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[key] = self._ref(key, value)

    def copy(self):
        new = WeakValueDictionary()
        for key, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                new[key] = o
        return new

    __copy__ = copy

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                yield k, v

    def keys(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k

    __iter__ = keys

    def itervaluerefs(self):
        yield from list(self.data.values())

    def valuerefs(self):
        return list(self.data.values())

    def values(self):
        for wr in list(self.data.values()):
            o = wr()
            if o is not None:
                yield o

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self.data[key] = self._ref(key, default)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                self.data[key] = self._ref(key, o)
        for key, o in kwargs.items():
            self.data[key] = self._ref(key, o)

    def clear(self):
        self.data.clear()


class _KeyedRef(ref):
    """A weak reference that remembers the key it is stored under."""
    pass


class KeyedRef(ref):
    """ref with a `key` attribute (CPython's WeakValueDictionary helper)."""

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        pass


# ---- WeakKeyDictionary ---------------------------------------------------------

class WeakKeyDictionary:
    """Mapping class that references keys weakly.

    Entries in the dictionary are discarded when there is no longer a strong
    reference to the key."""

    def __init__(self, dict=None):
        self.data = {}
        selfref = ref(self)

        def remove(k, selfref=selfref):
            self = selfref()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in list(self.data.items()):
            o = key()
            if o is not None:
                new[o] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        try:
            wr = ref(key)
        except TypeError:
            return default
        return self.data.get(wr, default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        for wr, value in list(self.data.items()):
            key = wr()
            if key is not None:
                yield key, value

    def keys(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    __iter__ = keys

    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def clear(self):
        self.data.clear()


# ---- WeakSet ---------------------------------------------------------------

class WeakSet:
    """A set whose elements are weakly referenced."""

    def __init__(self, data=None):
        self.data = set()
        selfref = ref(self)

        def remove(item, selfref=selfref):
            self = selfref()
            if self is not None:
                self.data.discard(item)
        self._remove = remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for itemref in list(self.data):
            item = itemref()
            if item is not None:
                yield item

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return "{%s}" % ", ".join(repr(x) for x in self)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def union(self, other):
        new = self.copy()
        new.update(other)
        return new

    __or__ = union

    def issubset(self, other):
        return all(item in other for item in self)

    __le__ = issubset

    def issuperset(self, other):
        return all(item in self for item in other)

    __ge__ = issuperset

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return set(self) == set(other)

    __hash__ = None

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0


# ---- finalize ----------------------------------------------------------------

class _FinalizeInfo:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """Class for finalization of weakrefable objects.

    finalize(obj, func, *args, **kwargs) returns a callable finalizer
    object which will be called when obj is garbage collected. The first
    time the finalizer is called it evaluates func(*args, **kwargs) and
    returns the result; after that it returns None.

    (Not yet: calling the remaining finalizers whose atexit is true when the
    interpreter exits, which needs an atexit module.)"""

    __slots__ = ()
    _registry = {}
    _index = [0]

    def __init__(self, obj, func, /, *args, **kwargs):
        info = _FinalizeInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        self._index[0] += 1
        info.index = self._index[0]
        self._registry[self] = info

    def __call__(self, _=None):
        """If alive then mark as dead and return func(*args, **kwargs);
        otherwise return None"""
        info = self._registry.pop(self, None)
        if info:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """If alive then mark as dead and return (obj, func, args, kwargs);
        otherwise return None"""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """If alive then return (obj, func, args, kwargs);
        otherwise return None"""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether finalizer is alive"""
        return self in self._registry

    @property
    def atexit(self):
        """Whether finalizer should be called at exit"""
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))
