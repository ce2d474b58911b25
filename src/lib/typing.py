"""Type hints (tandem): the names real programs import and subscript at
definition time, with CPython 3.11's reprs and errors. Nothing is
checked at run time beyond what CPython checks (isinstance against
runtime_checkable protocols, plain aliases such as List, Union)."""

import sys

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final',
    'ForwardRef', 'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol',
    'Tuple', 'Type', 'TypeVar', 'Union', 'AbstractSet', 'ByteString',
    'Container', 'ContextManager', 'Hashable', 'ItemsView', 'Iterable',
    'Iterator', 'KeysView', 'Mapping', 'MappingView', 'MutableMapping',
    'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView',
    'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection',
    'AsyncGenerator', 'AsyncContextManager', 'Reversible', 'SupportsAbs',
    'SupportsBytes', 'SupportsComplex', 'SupportsFloat', 'SupportsIndex',
    'SupportsInt', 'SupportsRound', 'ChainMap', 'Counter', 'Deque', 'Dict',
    'DefaultDict', 'List', 'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple',
    'TypedDict', 'Generator', 'BinaryIO', 'IO', 'TextIO', 'AnyStr', 'cast',
    'final', 'get_args', 'get_origin', 'get_type_hints', 'NewType',
    'no_type_check', 'no_type_check_decorator', 'NoReturn', 'Never',
    'overload', 'ParamSpecArgs', 'ParamSpecKwargs', 'runtime_checkable',
    'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'LiteralString',
    'assert_never', 'assert_type', 'reveal_type', 'dataclass_transform',
    'Required', 'NotRequired', 'is_typeddict',
]

TYPE_CHECKING = False
_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


def _type_convert(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _caller_module(depth=2):
    try:
        return sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return '__main__'


def _is_typevar(t):
    return isinstance(t, (TypeVar, ParamSpec))


def _collect_parameters(args):
    params = []
    for t in args:
        if _is_typevar(t):
            if t not in params:
                params.append(t)
        elif isinstance(t, (list, tuple)):
            for p in _collect_parameters(t):
                if p not in params:
                    params.append(p)
        elif not isinstance(t, type):
            for p in getattr(t, '__parameters__', ()):
                if p not in params:
                    params.append(p)
    return tuple(params)


def _substitute(arg, mapping):
    if _is_typevar(arg):
        return mapping.get(arg, arg)
    if isinstance(arg, list):
        return [_substitute(a, mapping) for a in arg]
    if isinstance(arg, tuple):
        return tuple(_substitute(a, mapping) for a in arg)
    params = getattr(arg, '__parameters__', None) if not isinstance(arg, type) else None
    if params:
        return arg[tuple(mapping.get(p, p) for p in params)]
    return arg


class _Final:
    """Typing objects are not meant to be subclassed."""

    __slots__ = ()

    def __init_subclass__(cls, *args, _root=False, **kwds):
        if not _root:
            raise TypeError('Cannot subclass special typing classes')


class _Immutable:
    __slots__ = ()

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _union_or(a, b):
    return Union[a, b]


# --- special forms -------------------------------------------------------

class _SpecialForm(_Final, _root=True):
    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass %r' % (self,))

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError('Cannot instantiate %r' % (self,))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError('%s cannot be used with isinstance()' % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError('%s cannot be used with issubclass()' % (self,))

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


@_SpecialForm
def NoReturn(self, parameters):
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def Never(self, parameters):
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def Self(self, parameters):
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def LiteralString(self, parameters):
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def TypeAlias(self, parameters):
    raise TypeError('%s is not subscriptable' % (self,))


def _single(self, parameters):
    if isinstance(parameters, tuple):
        if len(parameters) != 1:
            raise TypeError('%s accepts only single type. Got %s.' %
                            (self, _args_text(parameters)))
        parameters = parameters[0]
    return _GenericAlias(self, (_type_convert(parameters),))


def _args_text(params):
    return '(' + ', '.join(repr(p) for p in params) + (',)' if len(params) == 1 else ')')


@_SpecialForm
def ClassVar(self, parameters):
    return _single(self, parameters)


@_SpecialForm
def Final(self, parameters):
    return _single(self, parameters)


@_SpecialForm
def TypeGuard(self, parameters):
    return _single(self, parameters)


@_SpecialForm
def Required(self, parameters):
    return _single(self, parameters)


@_SpecialForm
def NotRequired(self, parameters):
    return _single(self, parameters)


@_SpecialForm
def Union(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        p = _type_convert(p)
        if isinstance(p, _UnionGenericAlias):
            flat.extend(p.__args__)
        elif type(p).__name__ == 'UnionType' and hasattr(p, '__args__'):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    args = []
    for p in flat:
        if p not in args:
            args.append(p)
    if len(args) == 1:
        return args[0]
    return _UnionGenericAlias(self, tuple(args))


@_SpecialForm
def Optional(self, parameters):
    if isinstance(parameters, tuple):
        if len(parameters) != 1:
            raise TypeError('%s requires a single type. Got %s.'
                            % (self, _args_text(parameters)))
        parameters = parameters[0]
    return Union[parameters, None]


@_SpecialForm
def Literal(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    args = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            args.extend(p.__args__)
        elif p not in args:
            args.append(p)
    return _LiteralGenericAlias(self, tuple(args))


@_SpecialForm
def Concatenate(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, tuple(_type_convert(p) for p in parameters))


# --- generic aliases -----------------------------------------------------

class _BaseGenericAlias(_Final, _root=True):
    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        if not (attr.startswith('__') and attr.endswith('__')) and attr != '_name':
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, val):
        if attr in ('_name', '_inst', '_nparams', '__origin__', '__args__',
                    '__parameters__', '__metadata__') or attr.startswith('_'):
            object.__setattr__(self, attr, val)
        else:
            setattr(self.__origin__, attr, val)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with'
                        ' class and instance checks')

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _GenericAlias(_BaseGenericAlias, _root=True):
    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is Ellipsis else a for a in args)
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = getattr(origin, '__module__', 'typing')

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError('Cannot subscript already-subscripted %s' % (self,))
        if not self.__parameters__:
            raise TypeError('%s is not a generic class' % (self,))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        params = self.__parameters__
        if len(args) != len(params):
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(args) > len(params) else 'few',
                               self, len(args), len(params)))
        mapping = dict(zip(params, args))
        new_args = tuple(_substitute(a, mapping) for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join(_type_repr(a) for a in self.__args__)
        else:
            args = '()'
        return '%s[%s]' % (name, args)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError('Cannot subclass %r' % (self,))
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)


class _SpecialGenericAlias(_Immutable, _BaseGenericAlias, _root=True):
    def __init__(self, origin, nparams, *, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(params) > self._nparams else 'few',
                               self, len(params), self._nparams))
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _CallableGenericAlias(_GenericAlias, _root=True):
    def __repr__(self):
        if len(self.__args__) == 2 and self.__args__[0] is Ellipsis:
            return 'typing.Callable[..., %s]' % _type_repr(self.__args__[1])
        if len(self.__args__) == 2 and isinstance(self.__args__[0], (ParamSpec, _GenericAlias)):
            return 'typing.Callable[%s, %s]' % (_type_repr(self.__args__[0]),
                                                 _type_repr(self.__args__[1]))
        return 'typing.Callable[[%s], %s]' % (
            ', '.join(_type_repr(a) for a in self.__args__[:-1]),
            _type_repr(self.__args__[-1]))

    def copy_with(self, args):
        return _CallableGenericAlias(self.__origin__, args, name=self._name, inst=self._inst)


class _CallableType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if isinstance(args, list):
            params = tuple(_type_convert(a) for a in args) + (_type_convert(result),)
        elif args is ...:
            params = (..., _type_convert(result))
        elif isinstance(args, (ParamSpec, _GenericAlias)):
            params = (args, _type_convert(result))
        else:
            raise TypeError('Callable[args, result]: args must be a list. Got %r' % (args,))
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


class _TupleType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            params = tuple(_type_convert(p) for p in params[:-1]) + (...,)
        else:
            params = tuple(_type_convert(p) for p in params)
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


class _UnionGenericAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias) and type(other).__name__ != 'UnionType':
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[1])
            if args[1] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[0])
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass %r' % (self,))


class _LiteralGenericAlias(_GenericAlias, _root=True):
    def __init__(self, origin, args, **kw):
        super().__init__(origin, args, **kw)
        self.__parameters__ = ()

    def __repr__(self):
        return 'typing.Literal[%s]' % ', '.join(repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set((type(a), a) for a in self.__args__) == set((type(a), a) for a in other.__args__)

    def __hash__(self):
        return hash(frozenset((type(a), a) for a in self.__args__))


class _AnnotatedAlias(_GenericAlias, _root=True):
    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (
            _type_repr(self.__origin__), ', '.join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return 'Annotated'
        return super().__getattr__(attr)


class Annotated:
    """Add context-specific metadata to a type: Annotated[T, x]."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two '
                            'arguments (a type and an annotation).')
        return _AnnotatedAlias(_type_convert(params[0]), tuple(params[1:]))

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError('Cannot subclass %s.Annotated' % cls.__module__)


# --- type variables ------------------------------------------------------

class _TypeVarLike:
    def __typing_subst__(self, arg):
        # marks a type variable for list[T][int] (types.GenericAlias)
        return _type_convert(arg)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass an instance of %s' % type(self).__name__)

    def __init_subclass__(cls, *args, **kwargs):
        if cls.__name__ not in ('TypeVar', 'ParamSpec'):
            raise TypeError('Cannot subclass special typing classes')


class TypeVar(_Immutable, _TypeVarLike):
    """Type variable: T = TypeVar('T'), with optional constraints or bound."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__constraints__ = tuple(_type_convert(t) for t in constraints)
        self.__bound__ = _type_convert(bound) if bound is not None else None
        mod = _caller_module()
        if mod != 'typing':
            self.__module__ = mod


class ParamSpecArgs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.args' % self.__origin__.__name__


class ParamSpecKwargs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.kwargs' % self.__origin__.__name__


class ParamSpec(_Immutable, _TypeVarLike):
    """Parameter specification variable: P = ParamSpec('P')."""

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = _type_convert(bound) if bound is not None else None
        mod = _caller_module()
        if mod != 'typing':
            self.__module__ = mod


AnyStr = TypeVar('AnyStr', bytes, str)
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)


class ForwardRef(_Final, _root=True):
    """A string annotation not evaluated yet."""

    __slots__ = ('__forward_arg__', '__forward_evaluated__', '__forward_value__',
                 '__forward_is_argument__', '__forward_is_class__', '__forward_module__')

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError('Forward reference must be a string -- got %r' % (arg,))
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        value = eval(self.__forward_arg__, globalns, localns)
        return _eval_type(_type_convert(value), globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        return 'ForwardRef(%r)' % (self.__forward_arg__,)


# --- Generic and Protocol ------------------------------------------------

class Generic:
    """Abstract base class for generic types: class C(Generic[T])."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError('Parameter list to %s[...] cannot be empty'
                                % cls.__qualname__)
            for p in params:
                if not _is_typevar(p):
                    raise TypeError('Parameters to %s[...] must all be type variables '
                                    'or parameter specification variables.' % cls.__name__)
            if len(set(params)) != len(params):
                raise TypeError('Parameters to %s[...] must all be unique' % cls.__name__)
            return _GenericAlias(cls, params)
        own = cls.__dict__.get('__parameters__', getattr(cls, '__parameters__', ()))
        if not own:
            raise TypeError('%s is not a generic class' % (cls,))
        if len(params) != len(own):
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(params) > len(own) else 'few',
                               cls, len(params), len(own)))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        if '__orig_bases__' in cls.__dict__:
            error = Generic in cls.__orig_bases__
        else:
            error = (Generic in cls.__bases__ and cls.__name__ != 'Protocol'
                     and type(cls) is not _TypedDictMeta)
        if error:
            raise TypeError('Cannot inherit from plain Generic')
        if '__orig_bases__' in cls.__dict__:
            tvars = list(_collect_parameters(cls.__orig_bases__))
            gvars = None
            for base in cls.__orig_bases__:
                if isinstance(base, _GenericAlias) and base.__origin__ in (Generic, Protocol):
                    if gvars is not None:
                        raise TypeError('Cannot inherit from Generic[...] multiple types.')
                    gvars = base.__parameters__
            if gvars is not None:
                missing = [t for t in tvars if t not in gvars]
                if missing:
                    raise TypeError('Some type variables (%s) are not listed in %s[%s]'
                                    % (', '.join(str(t) for t in missing),
                                       'Generic', ', '.join(str(g) for g in gvars)))
                tvars = list(gvars)
        cls.__parameters__ = tuple(tvars)


_SPECIAL_NAMES = frozenset([
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__',
    '__module__', '__new__', '__slots__', '__subclasshook__', '__weakref__',
    '__class_getitem__', '__parameters__', '__orig_bases__', '_is_protocol',
    '_is_runtime_protocol', '__protocol_attrs__', '__qualname__',
    '__init_subclass__', '__firstlineno__', '__static_attributes__',
])


def _protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        names = list(base.__dict__) + list(base.__dict__.get('__annotations__', {}))
        for name in names:
            if name.startswith('_abc_') or name in _SPECIAL_NAMES:
                continue
            if name not in attrs:
                attrs.append(name)
    return attrs


try:
    # As in CPython, protocols are ABCs: they mix with ABC bases without
    # a metaclass conflict and honour register().
    from abc import ABCMeta as _ProtocolMetaBase
except Exception:
    _ProtocolMetaBase = type


class _ProtocolMeta(_ProtocolMetaBase):
    def __instancecheck__(cls, instance):
        if getattr(cls, '_is_protocol', False):
            if not getattr(cls, '_is_runtime_protocol', False):
                raise TypeError('Instance and class checks can only be used with'
                                ' @runtime_checkable protocols')
            if super().__instancecheck__(instance):
                return True
            for attr in _protocol_attrs(cls):
                try:
                    val = getattr(instance, attr)
                except AttributeError:
                    return False
                if val is None and callable(getattr(cls, attr, None)):
                    return False
            return True
        return super().__instancecheck__(instance)

    def __subclasscheck__(cls, other):
        if getattr(cls, '_is_protocol', False):
            if not getattr(cls, '_is_runtime_protocol', False):
                raise TypeError('Instance and class checks can only be used with'
                                ' @runtime_checkable protocols')
            if super().__subclasscheck__(other):
                return True
            for attr in _protocol_attrs(cls):
                for base in other.__mro__:
                    if attr in base.__dict__:
                        if base.__dict__[attr] is None:
                            return False
                        break
                else:
                    return False
            return True
        return super().__subclasscheck__(other)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for structural (duck) types."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init

    def __init__(self, *args, **kwargs):
        pass


def _no_init(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


def runtime_checkable(cls):
    if not isinstance(cls, type) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % (cls,))
    cls._is_runtime_protocol = True
    return cls


# --- aliases of the built-in and abstract collections --------------------

def _abc_fallback():
    """Private stand-ins for collections.abc: isinstance is decided by the
    methods the object's type defines."""

    class _DuckMeta(type):
        def __instancecheck__(cls, obj):
            return cls.__subclasscheck__(type(obj))

        def __subclasscheck__(cls, other):
            if type.__subclasscheck__(cls, other):
                return True
            need = cls.__dict__.get('_needs', ())
            if not need or not isinstance(other, type):
                return False
            for name in need:
                for base in other.__mro__:
                    if name in base.__dict__:
                        if base.__dict__[name] is None:
                            return False
                        break
                else:
                    return False
            return True

    ns = {}

    def make(name, needs, bases=()):
        ns[name] = _DuckMeta(name, bases, {'_needs': needs, '__module__': 'collections.abc'})

    make('Hashable', ('__hash__',))
    make('Awaitable', ('__await__',))
    make('Coroutine', ('__await__', 'send', 'throw'))
    make('AsyncIterable', ('__aiter__',))
    make('AsyncIterator', ('__aiter__', '__anext__'))
    make('AsyncGenerator', ('__aiter__', '__anext__', 'asend', 'athrow'))
    make('Iterable', ('__iter__',))
    make('Iterator', ('__iter__', '__next__'))
    make('Reversible', ('__iter__', '__reversed__'))
    make('Generator', ('__iter__', '__next__', 'send', 'throw'))
    make('Sized', ('__len__',))
    make('Container', ('__contains__',))
    make('Collection', ('__len__', '__iter__', '__contains__'))
    make('Callable', ('__call__',))
    make('Set', ('__len__', '__iter__', '__contains__', 'isdisjoint'))
    make('MutableSet', ('__len__', '__iter__', '__contains__', 'add', 'discard'))
    make('Mapping', ('__getitem__', '__len__', '__iter__', 'keys', 'items'))
    make('MutableMapping', ('__getitem__', '__setitem__', '__delitem__', 'keys'))
    make('Sequence', ('__getitem__', '__len__', 'index', 'count'))
    make('MutableSequence', ('__getitem__', '__setitem__', 'insert', 'append'))
    make('ByteString', ('__getitem__', 'decode'))
    make('MappingView', ('__len__',))
    make('KeysView', ('__len__', 'isdisjoint'))
    make('ItemsView', ('__len__', 'isdisjoint'))
    make('ValuesView', ('__len__',))
    return ns


try:
    import collections.abc as _abc_mod
    _abc = {n: getattr(_abc_mod, n) for n in dir(_abc_mod) if not n.startswith('_')}
except ImportError:
    _abc = {}
# whatever collections.abc lacks is filled in by the duck-typed stand-ins
for _n, _c in _abc_fallback().items():
    _abc.setdefault(_n, _c)


def _alias(origin, nparams, name=None, inst=True):
    return _SpecialGenericAlias(origin, nparams, name=name, inst=inst)


def _abc_alias(name, nparams):
    origin = _abc.get(name)
    if origin is None:
        return None
    return _alias(origin, nparams, name=name)


Hashable = _abc_alias('Hashable', 0)
Awaitable = _abc_alias('Awaitable', 1)
Coroutine = _abc_alias('Coroutine', 3)
AsyncIterable = _abc_alias('AsyncIterable', 1)
AsyncIterator = _abc_alias('AsyncIterator', 1)
Iterable = _abc_alias('Iterable', 1)
Iterator = _abc_alias('Iterator', 1)
Reversible = _abc_alias('Reversible', 1)
Sized = _abc_alias('Sized', 0)
Container = _abc_alias('Container', 1)
Collection = _abc_alias('Collection', 1)
Callable = _CallableType(_abc['Callable'], 2, name='Callable')
AbstractSet = _alias(_abc['Set'], 1, name='AbstractSet')
MutableSet = _abc_alias('MutableSet', 1)
Mapping = _abc_alias('Mapping', 2)
MutableMapping = _abc_alias('MutableMapping', 2)
Sequence = _abc_alias('Sequence', 1)
MutableSequence = _abc_alias('MutableSequence', 1)
ByteString = _abc_alias('ByteString', 0)
MappingView = _abc_alias('MappingView', 1)
KeysView = _abc_alias('KeysView', 1)
ItemsView = _abc_alias('ItemsView', 2)
ValuesView = _abc_alias('ValuesView', 1)
Generator = _abc_alias('Generator', 3)
AsyncGenerator = _abc_alias('AsyncGenerator', 2)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Dict = _alias(dict, 2, inst=False, name='Dict')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
Type = _alias(type, 1, inst=False, name='Type')
Text = str


def _lazy_collections_alias(attr, nparams, name):
    try:
        import collections as _c
        origin = getattr(_c, attr)
    except (ImportError, AttributeError):
        return None
    return _alias(origin, nparams, name=name, inst=False)


Deque = _lazy_collections_alias('deque', 1, 'Deque')
DefaultDict = _lazy_collections_alias('defaultdict', 2, 'DefaultDict')
OrderedDict = _lazy_collections_alias('OrderedDict', 2, 'OrderedDict')
Counter = _lazy_collections_alias('Counter', 1, 'Counter')
ChainMap = _lazy_collections_alias('ChainMap', 2, 'ChainMap')
for _n in ('Deque', 'DefaultDict', 'OrderedDict', 'Counter', 'ChainMap'):
    if globals()[_n] is None:
        del globals()[_n]
        __all__.remove(_n)


def _re_types():
    try:
        import re
        return type(re.compile('')), type(re.match('', ''))
    except Exception:
        # tandem has no re module: annotations still evaluate
        class Pattern:
            pass

        class Match:
            pass
        Pattern.__module__ = Match.__module__ = 're'
        return Pattern, Match


_pattern_type, _match_type = _re_types()
Pattern = _alias(_pattern_type, 1, name='Pattern')
Match = _alias(_match_type, 1, name='Match')
__all__ += ['Pattern', 'Match']


class _CMProto:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


ContextManager = _alias(_CMProto, 1, name='ContextManager')
AsyncContextManager = _alias(_CMProto, 1, name='AsyncContextManager')


@runtime_checkable
class SupportsInt(Protocol):
    __slots__ = ()

    def __int__(self):
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    __slots__ = ()

    def __float__(self):
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    __slots__ = ()

    def __complex__(self):
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    __slots__ = ()

    def __bytes__(self):
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    __slots__ = ()

    def __index__(self):
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    __slots__ = ()

    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    __slots__ = ()

    def __round__(self, ndigits=0):
        pass


class IO(Generic[AnyStr]):
    """Generic base class for file-like objects (annotation only)."""

    __slots__ = ()


class BinaryIO(IO[bytes]):
    __slots__ = ()


class TextIO(IO[str]):
    __slots__ = ()


# --- NamedTuple ----------------------------------------------------------

class _FieldGetter:

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj[self._index]

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")


def _make_nmtuple(typename, fields, defaults=(), module=None):
    names = tuple(n for n, t in fields)
    types = {n: _type_convert(t) for n, t in fields}
    for n in names:
        if not isinstance(n, str) or not n.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r' % (n,))
        if n.startswith('_'):
            raise ValueError('Field names cannot start with an underscore: %r' % (n,))
    if len(set(names)) != len(names):
        for i, n in enumerate(names):
            if n in names[:i]:
                raise ValueError('Encountered duplicate field name: %r' % (n,))
    defaults = tuple(defaults)
    arglist = ', '.join(names)
    # A generated __new__ gives the same argument errors as CPython's.
    ns = {'_tuple_new': tuple.__new__, '__builtins__': __builtins__,
          '__name__': 'namedtuple_' + typename}
    exec('def __new__(_cls, %s):\n    return _tuple_new(_cls, (%s%s))\n'
         % (arglist, arglist, ',' if len(names) == 1 else ''), ns)
    new = ns['__new__']
    new.__qualname__ = typename + '.__new__'
    new.__doc__ = 'Create new instance of %s(%s)' % (typename, arglist)
    if defaults:
        new.__defaults__ = defaults
    nfields = len(names)

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != nfields:
            raise TypeError('Expected %d arguments, got %d' % (nfields, len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(n, v) for n, v in zip(names, self)])
        if kwds:
            raise ValueError('Got unexpected field names: %r' % list(kwds))
        return result

    def __repr__(self):
        return self.__class__.__name__ + '(' + ', '.join(
            '%s=%r' % (n, v) for n, v in zip(names, self)) + ')'

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    _make.__qualname__ = typename + '._make'
    _replace.__qualname__ = typename + '._replace'
    __repr__.__qualname__ = typename + '.__repr__'
    _asdict.__qualname__ = typename + '._asdict'
    __getnewargs__.__qualname__ = typename + '.__getnewargs__'
    ns = {
        '__doc__': '%s(%s)' % (typename, arglist),
        '__slots__': (),
        '_fields': names,
        '_field_defaults': dict(zip(names[len(names) - len(defaults):], defaults)),
        '__new__': new,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': names,
        '__annotations__': types,
    }
    for i, n in enumerate(names):
        ns[n] = _FieldGetter(i, 'Alias for field number %d' % i)
    cls = type(typename, (tuple,), ns)
    cls.__module__ = module if module is not None else _caller_module(3)
    return cls


_PROHIBITED = frozenset(['__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults', '_make', '_replace',
                         '_asdict', '_source'])
_SKIP = frozenset(['__module__', '__name__', '__annotations__', '__qualname__'])


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        types = ns.get('__annotations__', {})
        default_names = []
        for name in types:
            if name in ns:
                default_names.append(name)
            elif default_names:
                raise TypeError('Non-default namedtuple field %s cannot follow '
                                'default field%s %s' % (name, 's' if len(default_names) > 1 else '',
                                                        ', '.join(default_names)))
        nm = _make_nmtuple(typename, list(types.items()),
                           [ns[n] for n in default_names], ns['__module__'])
        nm.__qualname__ = ns.get('__qualname__', typename)
        for key in ns:
            if key in _PROHIBITED:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in _SKIP and key not in nm._fields:
                setattr(nm, key, ns[key])
        return nm


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of collections.namedtuple."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError('Either list of fields or keywords can be provided to NamedTuple, not both')
    return _make_nmtuple(typename, list(fields), module=_caller_module())


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    for b in bases:
        if b is not NamedTuple and isinstance(b, (type, _GenericAlias)):
            if b is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


# --- TypedDict -----------------------------------------------------------

def _strip_qualifier(tp):
    if isinstance(tp, _GenericAlias) and tp.__origin__ in (Required, NotRequired):
        return tp.__origin__, tp.__args__[0]
    return None, tp


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        own = {}
        for k, v in ns.get('__annotations__', {}).items():
            own[k] = _type_convert(v)
        annotations.update(own)
        for k, v in own.items():
            qual, _ = _strip_qualifier(v)
            if qual is Required:
                is_req = True
            elif qual is NotRequired:
                is_req = False
            else:
                is_req = total
            if is_req:
                required.add(k)
                optional.discard(k)
            else:
                optional.add(k)
                required.discard(k)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required)
        tp_dict.__optional_keys__ = frozenset(optional)
        if not hasattr(tp_dict, '__total__'):
            tp_dict.__total__ = total
        return tp_dict

    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict with a fixed set of typed keys; instances are plain dicts."""
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError('TypedDict takes either a dict or keyword arguments, but not both')
    ns = {'__annotations__': dict(fields), '__module__': _caller_module()}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)


# --- functions -----------------------------------------------------------

class NewType:
    """NewType('UserId', int): a callable returning its argument unchanged."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        mod = _caller_module()
        if mod != 'typing':
            self.__module__ = mod

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError('Cannot subclass an instance of NewType. Perhaps you were '
                                'looking for: `%s = NewType(%r, %s)`'
                                % (subclass_name, subclass_name, superclass_name))
        return (Dummy,)

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def cast(typ, val):
    """Return val unchanged; tells a type checker val has type typ."""
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError('Expected code to be unreachable, but got: %s' % value)


def reveal_type(obj, /):
    print('Runtime type is %r' % (type(obj).__name__,), file=sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @overload-ed.')


def overload(func):
    return _overload_dummy


def get_overloads(func):
    return []


def clear_overloads():
    pass


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    if isinstance(arg, type):
        for obj in list(arg.__dict__.values()):
            if type(obj).__name__ == 'function':
                obj.__no_type_check__ = True
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default, 'field_specifiers': field_specifiers,
            'kwargs': kwargs}
        return cls_or_fn
    return decorator


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if type(tp).__name__ == 'GenericAlias':
        return tp.__origin__
    if type(tp).__name__ == 'UnionType':
        return type(tp)
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        res = tp.__args__
        if isinstance(tp, _CallableGenericAlias) and res and res[0] is not Ellipsis \
                and not isinstance(res[0], (ParamSpec, _GenericAlias)):
            res = (list(res[:-1]), res[-1])
        return res
    if type(tp).__name__ in ('GenericAlias', 'UnionType') and hasattr(tp, '__args__'):
        return tp.__args__
    return ()


def _eval_type(t, globalns, localns):
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns)
    if isinstance(t, _GenericAlias) and not isinstance(t, _LiteralGenericAlias):
        if isinstance(t, _AnnotatedAlias):
            new_origin = _eval_type(t.__origin__, globalns, localns)
            if new_origin is t.__origin__:
                return t
            return _AnnotatedAlias(new_origin, t.__metadata__)
        new_args = tuple(_eval_type(a, globalns, localns) for a in t.__args__)
        if new_args == t.__args__:
            return t
        if isinstance(t, _UnionGenericAlias):
            return Union[new_args]
        return t.copy_with(new_args)
    return t


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _GenericAlias) and not isinstance(t, _LiteralGenericAlias):
        new_args = tuple(_strip_annotations(a) for a in t.__args__)
        if new_args == t.__args__:
            return t
        if isinstance(t, _UnionGenericAlias):
            return Union[new_args]
        return t.copy_with(new_args)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Annotations of a class, module or function with strings evaluated."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            if globalns is None:
                mod = sys.modules.get(base.__module__)
                base_globals = getattr(mod, '__dict__', {})
            else:
                base_globals = globalns
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = _NoneType
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False, is_class=True)
                hints[name] = _eval_type(value, base_globals, base_locals)
    else:
        if globalns is None:
            if type(obj).__name__ == 'module':
                globalns = obj.__dict__
            else:
                nsobj = obj
                while hasattr(nsobj, '__wrapped__'):
                    nsobj = nsobj.__wrapped__
                globalns = getattr(nsobj, '__globals__', {})
            if localns is None:
                localns = globalns
        elif localns is None:
            localns = globalns
        ann = getattr(obj, '__annotations__', None)
        if ann is None:
            if type(obj).__name__ in ('function', 'builtin_function_or_method',
                                      'method', 'module'):
                return {}
            raise TypeError('%r is not a module, class, method, or function.' % (obj,))
        for name, value in ann.items():
            if value is None:
                value = _NoneType
            if isinstance(value, str):
                value = ForwardRef(value, is_argument=type(obj).__name__ != 'module',
                                   is_class=False)
            hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}
