"""Inspection of live objects (tandem): signatures, type predicates,
members and source code, with CPython 3.11's output formats.

Built-in functions carry no text signature in tandem, so signature()
of one raises ValueError ("no signature found for builtin ..."), the
error CPython gives for builtins without one."""

import sys
import enum as _enum

__all__ = ['signature', 'Signature', 'Parameter', 'BoundArguments', 'isfunction',
           'ismethod', 'isclass', 'ismodule', 'isgenerator', 'isgeneratorfunction',
           'iscoroutine', 'iscoroutinefunction', 'isasyncgenfunction', 'isawaitable',
           'isbuiltin', 'isroutine', 'iscode', 'isframe', 'istraceback',
           'ismethoddescriptor', 'isdatadescriptor', 'isabstract', 'getmembers',
           'getsource', 'getsourcelines', 'getfile', 'getsourcefile', 'getmodule',
           'getdoc', 'cleandoc', 'getmro', 'unwrap', 'getfullargspec', 'FullArgSpec',
           'currentframe', 'getattr_static', 'getcallargs', 'stack', 'getcomments']

CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


def _tname(obj):
    return type(obj).__name__


# --- predicates ------------------------------------------------------------

def ismodule(object):
    return _tname(object) == 'module'


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return _tname(object) == 'method'


def isfunction(object):
    return _tname(object) == 'function'


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    f = _unwrap_partial(f)
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return _tname(object) == 'generator'


def iscoroutine(object):
    return _tname(object) == 'coroutine'


def isasyncgen(object):
    return _tname(object) == 'async_generator'


def isawaitable(object):
    return iscoroutine(object) or hasattr(type(object), '__await__')


def istraceback(object):
    return _tname(object) == 'traceback'


def isframe(object):
    return _tname(object) == 'frame'


def iscode(object):
    return _tname(object) == 'code'


def isbuiltin(object):
    return _tname(object) == 'builtin_function_or_method'


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__get__') and not hasattr(tp, '__set__')


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__set__') or hasattr(tp, '__delete__')


def ismemberdescriptor(object):
    return _tname(object) == 'member_descriptor'


def isgetsetdescriptor(object):
    return _tname(object) == 'getset_descriptor'


def isroutine(object):
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or ismethoddescriptor(object))


def isabstract(object):
    return bool(isinstance(object, type) and getattr(object, '__abstractmethods__', False))


# --- members -----------------------------------------------------------------

def getmembers(object, predicate=None):
    """All (name, value) pairs of object's attributes, sorted by name."""
    if isclass(object):
        mro = (object,) + getmro(object)
    else:
        mro = ()
    results = []
    processed = set()
    names = dir(object)
    if isclass(object):
        try:
            for base in object.__bases__:
                for k, v in base.__dict__.items():
                    if type(v).__name__ == 'DynamicClassAttribute':
                        names.append(k)
        except AttributeError:
            pass
    for key in names:
        try:
            value = getattr(object, key)
            if key in processed:
                raise AttributeError
        except AttributeError:
            for base in mro:
                if key in base.__dict__:
                    value = base.__dict__[key]
                    break
            else:
                continue
        if not predicate or predicate(value):
            results.append((key, value))
        processed.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


def getmro(cls):
    return cls.__mro__


def getattr_static(obj, attr, default=None):
    _sentinel = getattr_static
    if not isclass(obj):
        d = getattr(obj, '__dict__', None)
        if isinstance(d, dict) and attr in d:
            return d[attr]
        klass = type(obj)
    else:
        klass = obj
    for entry in klass.__mro__:
        if attr in entry.__dict__:
            return entry.__dict__[attr]
    if isclass(obj):
        for entry in type(obj).__mro__:
            if attr in entry.__dict__:
                return entry.__dict__[attr]
    if default is not None or _sentinel is None:
        return default
    raise AttributeError(attr)


def unwrap(func, *, stop=None):
    f = func
    memo = {id(f): f}
    recursion_limit = sys.getrecursionlimit()
    while hasattr(f, '__wrapped__') and not (stop is not None and stop(f)):
        f = f.__wrapped__
        id_func = id(f)
        if id_func in memo or len(memo) >= recursion_limit:
            raise ValueError('wrapper loop when unwrapping %r' % (func,))
        memo[id_func] = f
    return f


def _unwrap_partial(func):
    while _tname(func) == 'partial' and hasattr(func, 'func'):
        func = func.func
    return func


def getdoc(object):
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        if isclass(object):
            for base in object.__mro__[1:]:
                if base is object:
                    break
                d = base.__dict__.get('__doc__')
                if d is not None:
                    doc = d
                    break
        if doc is None:
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def cleandoc(doc):
    """Uniformly remove the indentation of docstring lines 2 onwards."""
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def currentframe():
    return sys._getframe(1) if hasattr(sys, '_getframe') else None


class FrameInfo(tuple):
    def __new__(cls, frame, filename, lineno, function, code_context, index):
        return tuple.__new__(cls, (frame, filename, lineno, function, code_context, index))

    frame = property(lambda self: self[0])
    filename = property(lambda self: self[1])
    lineno = property(lambda self: self[2])
    function = property(lambda self: self[3])
    code_context = property(lambda self: self[4])
    index = property(lambda self: self[5])


def stack(context=1):
    frames = []
    f = sys._getframe(1)
    while f is not None:
        frames.append(FrameInfo(f, f.f_code.co_filename, f.f_lineno, f.f_code.co_name,
                                None, None))
        f = f.f_back
    return frames


# --- source ------------------------------------------------------------------

def getfile(object):
    if ismodule(object):
        f = getattr(object, '__file__', None)
        if f:
            return f
        raise TypeError('%r is a built-in module' % (object,))
    if isclass(object):
        mod = sys.modules.get(object.__module__)
        f = getattr(mod, '__file__', None)
        if f:
            return f
        raise TypeError('%r is a built-in class' % (object,))
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or '
                    'code object was expected, got %s' % type(object).__name__)


def getsourcefile(object):
    return getfile(object)


def getmodule(object, _filename=None):
    if ismodule(object):
        return object
    mod = getattr(object, '__module__', None)
    if mod is not None:
        return sys.modules.get(mod)
    return None


def _read_lines(filename):
    try:
        with open(filename) as fp:
            text = fp.read()
    except (OSError, TypeError):
        raise OSError('could not get source code') from None
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    return lines


def _indent_of(line):
    return len(line) - len(line.lstrip(' \t'))


def _scan_code(line, state):
    """Track brackets and strings over one line; state = [depth, quote]."""
    i = 0
    n = len(line)
    while i < n:
        c = line[i]
        q = state[1]
        if q:
            if c == '\\':
                i += 2
                continue
            if line.startswith(q, i):
                state[1] = None
                i += len(q)
                continue
            i += 1
            continue
        if c == '#':
            break
        if c in '\'"':
            if line.startswith(c * 3, i):
                state[1] = c * 3
                i += 3
            else:
                state[1] = c
                i += 1
            continue
        if c in '([{':
            state[0] += 1
        elif c in ')]}':
            state[0] -= 1
        i += 1
    if state[1] in ('"', "'"):
        state[1] = None


def _block_end(lines, start):
    """Index one past the last line of the def/class block starting at start."""
    state = [0, None]
    i = start
    n = len(lines)
    base = _indent_of(lines[start])
    # header: decorators and the def/class line up to its colon
    while i < n:
        line = lines[i]
        stripped = line.strip()
        _scan_code(line, state)
        i += 1
        if state[0] <= 0 and state[1] is None:
            if stripped.startswith('@') or stripped.endswith('\\'):
                continue
            code = stripped.split('#', 1)[0].rstrip() if '#' in stripped else stripped
            if code.endswith(':'):
                break
            if stripped.startswith(('def ', 'class ', 'async def ')) or ':' in code:
                return i
    last = i
    while i < n:
        line = lines[i]
        if state[1] is not None or state[0] > 0:
            _scan_code(line, state)
            i += 1
            last = i
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith('#'):
            i += 1
            continue
        if _indent_of(line) <= base:
            break
        _scan_code(line, state)
        i += 1
        last = i
    return last


def _class_start(lines, cls):
    name = cls.__name__
    candidates = []
    for i, line in enumerate(lines):
        s = line.lstrip()
        if s.startswith('class '):
            rest = s[6:].lstrip()
            if rest.startswith(name) and (len(rest) == len(name) or
                                          not (rest[len(name)].isalnum() or
                                               rest[len(name)] == '_')):
                j = i
                while j > 0 and lines[j - 1].lstrip().startswith('@'):
                    j -= 1
                candidates.append((_indent_of(line), j))
    if not candidates:
        raise OSError('could not find class definition')
    candidates.sort()
    return candidates[0][1]


def findsource(object):
    file = getsourcefile(object)
    lines = _read_lines(file)
    if ismodule(object):
        return lines, 0
    if isclass(object):
        return lines, _class_start(lines, object)
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        lnum = object.co_firstlineno - 1
        if lnum >= len(lines):
            raise OSError('lineno is out of bounds')
        return lines, lnum
    raise OSError('could not find code object')


def getsourcelines(object):
    """(list of source lines, first line number) of object's definition."""
    object = unwrap(object)
    lines, lnum = findsource(object)
    if istraceback(object):
        object = object.tb_frame
    if ismodule(object) or (isframe(object) and object.f_code.co_name == '<module>'):
        return lines, 0
    return lines[lnum:_block_end(lines, lnum)], lnum + 1


def getsource(object):
    lines, lnum = getsourcelines(object)
    return ''.join(lines)


def getcomments(object):
    try:
        lines, lnum = findsource(object)
    except (OSError, TypeError):
        return None
    if ismodule(object):
        return None
    end = lnum - 1
    comments = []
    while end >= 0 and lines[end].lstrip().startswith('#'):
        comments.insert(0, lines[end].lstrip(' \t'))
        end -= 1
    return ''.join(comments) or None


# --- signatures --------------------------------------------------------------

class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


class _ParameterKind(_enum.IntEnum):
    POSITIONAL_ONLY = 'positional-only'
    POSITIONAL_OR_KEYWORD = 'positional or keyword'
    VAR_POSITIONAL = 'variadic positional'
    KEYWORD_ONLY = 'keyword-only'
    VAR_KEYWORD = 'variadic keyword'

    def __new__(cls, description):
        value = len(cls.__members__)
        member = int.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    def __str__(self):
        return self.name


_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD


def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, type) and _tname(annotation) != 'GenericAlias':
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a Signature: name, kind, default, annotation."""

    __slots__ = ('_name', '_kind', '_default', '_annotation')

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError('value %r is not a valid Parameter.kind' % (kind,))
        if default is not _empty:
            if self._kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
                raise ValueError('%s parameters cannot have default values'
                                 % self._kind.description)
        self._default = default
        self._annotation = annotation
        if name is _empty:
            raise ValueError('name is a required attribute for Parameter')
        if not isinstance(name, str):
            raise TypeError('name must be a str, not a %s' % type(name).__name__)
        if name[0] == '.' and name[1:].isdigit():
            if self._kind != _POSITIONAL_OR_KEYWORD:
                raise ValueError('implicit arguments must be passed as positional or '
                                 'keyword arguments, not %s' % self._kind.description)
            self._kind = _POSITIONAL_ONLY
            name = 'implicit%s' % name[1:]
        if not name.isidentifier():
            raise ValueError('%r is not a valid parameter name' % name)
        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    @property
    def kind(self):
        return self._kind

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        if name is _void:
            name = self._name
        if kind is _void:
            kind = self._kind
        if annotation is _void:
            annotation = self._annotation
        if default is _void:
            default = self._default
        return type(self)(name, kind, default=default, annotation=annotation)

    def __str__(self):
        kind = self.kind
        formatted = self._name
        if self._annotation is not _empty:
            formatted = '%s: %s' % (formatted, formatannotation(self._annotation))
        if self._default is not _empty:
            if self._annotation is not _empty:
                formatted = '%s = %r' % (formatted, self._default)
            else:
                formatted = '%s=%r' % (formatted, self._default)
        if kind == _VAR_POSITIONAL:
            formatted = '*' + formatted
        elif kind == _VAR_KEYWORD:
            formatted = '**' + formatted
        return formatted

    def __repr__(self):
        return '<%s "%s">' % (self.__class__.__name__, self)

    def __hash__(self):
        return hash((self.name, self.kind, self.annotation, self.default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)


class _ParamsProxy:
    """Signature.parameters: an ordered read-only name -> Parameter map."""

    def __init__(self, d):
        self._d = d

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __contains__(self, k):
        return k in self._d

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, k, default=None):
        return self._d.get(k, default)

    def __eq__(self, other):
        if isinstance(other, _ParamsProxy):
            return list(self._d.items()) == list(other._d.items())
        return NotImplemented

    def __repr__(self):
        return 'mappingproxy(OrderedDict([%s]))' % ', '.join(
            '(%r, %r)' % kv for kv in self._d.items())

    def __str__(self):
        return 'OrderedDict([%s])' % ', '.join('(%r, %r)' % kv for kv in self._d.items())


class BoundArguments:
    """Result of Signature.bind: the mapping from parameter names to values."""

    __slots__ = ('arguments', '_signature')

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        args = []
        for param_name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            try:
                arg = self.arguments[param_name]
            except KeyError:
                break
            else:
                if param.kind == _VAR_POSITIONAL:
                    args.extend(arg)
                else:
                    args.append(arg)
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        kwargs_started = False
        for param_name, param in self._signature.parameters.items():
            if not kwargs_started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    kwargs_started = True
                elif param_name not in self.arguments:
                    kwargs_started = True
                    continue
            if not kwargs_started:
                continue
            try:
                arg = self.arguments[param_name]
            except KeyError:
                pass
            else:
                if param.kind == _VAR_KEYWORD:
                    kwargs.update(arg)
                else:
                    kwargs[param_name] = arg
        return kwargs

    def apply_defaults(self):
        arguments = self.arguments
        new_arguments = []
        for name, param in self._signature.parameters.items():
            try:
                new_arguments.append((name, arguments[name]))
            except KeyError:
                if param.default is not _empty:
                    val = param.default
                elif param.kind is _VAR_POSITIONAL:
                    val = ()
                elif param.kind is _VAR_KEYWORD:
                    val = {}
                else:
                    continue
                new_arguments.append((name, val))
        self.arguments = dict(new_arguments)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        args = ['%s=%r' % (arg, value) for arg, value in self.arguments.items()]
        return '<%s (%s)>' % (self.__class__.__name__, ', '.join(args))


class Signature:
    """The call signature of a callable: parameters and return annotation."""

    __slots__ = ('_return_annotation', '_parameters')

    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty,
                 __validate_parameters__=True):
        params = {}
        if parameters is not None:
            if __validate_parameters__:
                top_kind = _POSITIONAL_ONLY
                seen_default = False
                for param in parameters:
                    kind = param.kind
                    name = param.name
                    if kind < top_kind:
                        raise ValueError('wrong parameter order: %s parameter before %s '
                                         'parameter' % (top_kind.description,
                                                        kind.description))
                    elif kind > top_kind:
                        top_kind = kind
                    if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if param.default is _empty:
                            if seen_default:
                                raise ValueError('non-default argument follows default '
                                                 'argument')
                        else:
                            seen_default = True
                    if name in params:
                        raise ValueError('duplicate parameter name: %r' % (name,))
                    params[name] = param
            else:
                params = dict((param.name, param) for param in parameters)
        self._parameters = _ParamsProxy(params)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None,
                      eval_str=False):
        return _signature_from_callable(obj, follow_wrapped, cls)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self.parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def __hash__(self):
        params = tuple(param for param in self.parameters.values()
                       if param.kind != _KEYWORD_ONLY)
        kwo_params = frozenset(param for param in self.parameters.values()
                               if param.kind == _KEYWORD_ONLY)
        return hash((params, kwo_params, self.return_annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return (self.return_annotation == other.return_annotation and
                list(self.parameters.values()) == list(other.parameters.values()))

    def _bind(self, args, kwargs, *, partial=False):
        arguments = {}
        parameters = iter(self.parameters.values())
        parameters_ex = ()
        arg_vals = iter(args)
        pos_only_kw = []
        while True:
            try:
                arg_val = next(arg_vals)
            except StopIteration:
                try:
                    param = next(parameters)
                except StopIteration:
                    break
                else:
                    if param.kind == _VAR_POSITIONAL:
                        break
                    elif param.name in kwargs:
                        if param.kind == _POSITIONAL_ONLY:
                            msg = ('%r parameter is positional only, but was passed '
                                   'as a keyword' % (param.name,))
                            raise TypeError(msg) from None
                        parameters_ex = (param,)
                        break
                    elif (param.kind == _VAR_KEYWORD or param.default is not _empty):
                        parameters_ex = (param,)
                        break
                    else:
                        if partial:
                            parameters_ex = (param,)
                            break
                        else:
                            raise TypeError('missing a required argument: %r'
                                            % (param.name,)) from None
            else:
                try:
                    param = next(parameters)
                except StopIteration:
                    raise TypeError('too many positional arguments') from None
                else:
                    if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                        raise TypeError('too many positional arguments') from None
                    if param.kind == _VAR_POSITIONAL:
                        values = [arg_val]
                        values.extend(arg_vals)
                        arguments[param.name] = tuple(values)
                        break
                    if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                        raise TypeError('multiple values for argument %r'
                                        % (param.name,)) from None
                    arguments[param.name] = arg_val
        kwargs_param = None
        for param in list(parameters_ex) + list(parameters):
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            param_name = param.name
            try:
                arg_val = kwargs.pop(param_name)
            except KeyError:
                if (not partial and param.kind != _VAR_POSITIONAL and
                        param.default is _empty):
                    raise TypeError('missing a required argument: %r'
                                    % (param_name,)) from None
            else:
                if param.kind == _POSITIONAL_ONLY:
                    raise TypeError('%r parameter is positional only, but was passed as a '
                                    'keyword' % (param.name,))
                arguments[param_name] = arg_val
        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError('got an unexpected keyword argument %r'
                                % (next(iter(kwargs)),))
        return self._bound_arguments_cls(self, arguments)

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return '<%s %s>' % (self.__class__.__name__, self)

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self.parameters.values():
            formatted = str(param)
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                result.append('/')
                render_pos_only_separator = False
            if kind == _VAR_POSITIONAL:
                render_kw_only_separator = False
            elif kind == _KEYWORD_ONLY and render_kw_only_separator:
                result.append('*')
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append('/')
        rendered = '(%s)' % ', '.join(result)
        if self.return_annotation is not _empty:
            rendered += ' -> %s' % formatannotation(self.return_annotation)
        return rendered


def _signature_from_function(cls, func, skip_bound_arg=False):
    code = func.__code__
    pos_count = code.co_argcount
    arg_names = code.co_varnames
    posonly_count = code.co_posonlyargcount
    positional = arg_names[:pos_count]
    keyword_only_count = code.co_kwonlyargcount
    keyword_only = arg_names[pos_count:pos_count + keyword_only_count]
    annotations = getattr(func, '__annotations__', None) or {}
    defaults = func.__defaults__
    kwdefaults = func.__kwdefaults__
    pos_default_count = len(defaults) if defaults else 0
    parameters = []
    non_default_count = pos_count - pos_default_count
    for i, name in enumerate(positional):
        kind = _POSITIONAL_ONLY if i < posonly_count else _POSITIONAL_OR_KEYWORD
        default = defaults[i - non_default_count] if i >= non_default_count else _empty
        parameters.append(Parameter(name, kind, annotation=annotations.get(name, _empty),
                                    default=default))
    if code.co_flags & CO_VARARGS:
        name = arg_names[pos_count + keyword_only_count]
        parameters.append(Parameter(name, _VAR_POSITIONAL,
                                    annotation=annotations.get(name, _empty)))
    for name in keyword_only:
        default = _empty
        if kwdefaults is not None:
            default = kwdefaults.get(name, _empty)
        parameters.append(Parameter(name, _KEYWORD_ONLY,
                                    annotation=annotations.get(name, _empty), default=default))
    if code.co_flags & CO_VARKEYWORDS:
        index = pos_count + keyword_only_count
        if code.co_flags & CO_VARARGS:
            index += 1
        name = arg_names[index]
        parameters.append(Parameter(name, _VAR_KEYWORD,
                                    annotation=annotations.get(name, _empty)))
    sig = cls(parameters, return_annotation=annotations.get('return', _empty),
              __validate_parameters__=False)
    if skip_bound_arg:
        return _signature_bound_method(sig)
    return sig


def _signature_bound_method(sig):
    params = tuple(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError('invalid method signature')
    kind = params[0].kind
    if kind in (_POSITIONAL_OR_KEYWORD, _POSITIONAL_ONLY):
        params = params[1:]
    elif kind is not _VAR_POSITIONAL:
        raise ValueError('invalid argument type')
    return sig.replace(parameters=params)


def _user_defined(cls, name):
    """The attribute `name` of cls if a Python-level class defines it."""
    for base in cls.__mro__:
        if name in base.__dict__:
            value = base.__dict__[name]
            if isinstance(value, staticmethod):
                value = value.__func__
            if isinstance(value, classmethod):
                value = value.__func__
            if isfunction(value) or _tname(value) in ('method', 'partial'):
                return value
            if name == '__call__' and callable(value) and not ismethoddescriptor(value):
                return value
            return None
    return None


def _signature_from_callable(obj, follow_wrapped=True, sigcls=None, skip_bound_arg=True):
    if sigcls is None:
        sigcls = Signature
    if not callable(obj):
        raise TypeError('%r is not a callable object' % (obj,))
    if ismethod(obj):
        sig = _signature_from_callable(obj.__func__, follow_wrapped, sigcls, skip_bound_arg)
        if skip_bound_arg:
            return _signature_bound_method(sig)
        return sig
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
        if ismethod(obj):
            return _signature_from_callable(obj, follow_wrapped, sigcls, skip_bound_arg)
    try:
        sig = obj.__signature__
    except AttributeError:
        pass
    else:
        if sig is not None:
            if not isinstance(sig, Signature):
                raise TypeError('unexpected object %r in __signature__ attribute' % (sig,))
            return sig
    if isfunction(obj):
        return _signature_from_function(sigcls, obj)
    if _tname(obj) == 'partial' and hasattr(obj, 'func'):
        wrapped_sig = _signature_from_callable(obj.func, follow_wrapped, sigcls,
                                               skip_bound_arg)
        return _signature_get_partial(wrapped_sig, obj)
    if isbuiltin(obj) or ismethoddescriptor(obj) and not hasattr(type(obj), '__call__'):
        raise ValueError('no signature found for builtin %r' % (obj,))
    if isinstance(obj, type):
        call = _user_defined(type(obj), '__call__')
        if call is not None:
            sig = _signature_from_callable(call, follow_wrapped, sigcls, skip_bound_arg)
            return _signature_bound_method(sig)
        new = _user_defined(obj, '__new__')
        init = _user_defined(obj, '__init__')
        # the nearest class in the MRO defining either wins; __new__ first
        chosen = None
        for base in obj.__mro__:
            if new is not None and '__new__' in base.__dict__:
                chosen = new
                break
            if init is not None and '__init__' in base.__dict__:
                chosen = init
                break
        if chosen is not None:
            sig = _signature_from_callable(chosen, follow_wrapped, sigcls, skip_bound_arg)
            return _signature_bound_method(sig)
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__:
            return sigcls.from_callable(lambda: None).replace(return_annotation=_empty)
        raise ValueError('no signature found for builtin type %r' % (obj,))
    call = _user_defined(type(obj), '__call__')
    if call is not None:
        sig = _signature_from_callable(call, follow_wrapped, sigcls, skip_bound_arg)
        return _signature_bound_method(sig)
    raise ValueError('callable %r is not supported by signature' % (obj,))


def _signature_get_partial(wrapped_sig, partial):
    old_params = wrapped_sig.parameters
    partial_args = partial.args or ()
    partial_keywords = partial.keywords or {}
    try:
        ba = wrapped_sig.bind_partial(*partial_args, **partial_keywords)
    except TypeError as ex:
        raise ValueError('partial object %r has incorrect arguments' % (partial,)) from ex
    new_params = []
    transform_to_kwonly = False
    for param_name, param in old_params.items():
        try:
            arg_value = ba.arguments[param_name]
        except KeyError:
            pass
        else:
            if param.kind is _POSITIONAL_ONLY:
                continue
            if param.kind is _POSITIONAL_OR_KEYWORD:
                if param_name in partial_keywords:
                    transform_to_kwonly = True
                    new_params.append(param.replace(default=arg_value))
                else:
                    continue
                continue
            if param.kind is _KEYWORD_ONLY:
                new_params.append(param.replace(default=arg_value))
                continue
            continue
        if transform_to_kwonly and param.kind is not _VAR_KEYWORD:
            if param.kind is _VAR_POSITIONAL:
                continue
            new_params.append(param.replace(kind=_KEYWORD_ONLY))
        else:
            new_params.append(param)
    return wrapped_sig.replace(parameters=new_params)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """The Signature of a callable."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)


class FullArgSpec(tuple):
    _fields = ('args', 'varargs', 'varkw', 'defaults', 'kwonlyargs',
               'kwonlydefaults', 'annotations')

    def __new__(cls, args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults,
                annotations):
        return tuple.__new__(cls, (args, varargs, varkw, defaults, kwonlyargs,
                                   kwonlydefaults, annotations))

    def __repr__(self):
        return 'FullArgSpec(%s)' % ', '.join('%s=%r' % (n, v)
                                             for n, v in zip(self._fields, self))

    args = property(lambda self: self[0])
    varargs = property(lambda self: self[1])
    varkw = property(lambda self: self[2])
    defaults = property(lambda self: self[3])
    kwonlyargs = property(lambda self: self[4])
    kwonlydefaults = property(lambda self: self[5])
    annotations = property(lambda self: self[6])


def getfullargspec(func):
    try:
        sig = _signature_from_callable(func, follow_wrapped=False, skip_bound_arg=False)
    except Exception as ex:
        raise TypeError('unsupported callable') from ex
    args = []
    varargs = None
    varkw = None
    posonlyargs = []
    kwonlyargs = []
    annotations = {}
    defaults = ()
    kwdefaults = {}
    if sig.return_annotation is not sig.empty:
        annotations['return'] = sig.return_annotation
    for param in sig.parameters.values():
        kind = param.kind
        name = param.name
        if kind is _POSITIONAL_ONLY:
            posonlyargs.append(name)
            if param.default is not param.empty:
                defaults += (param.default,)
        elif kind is _POSITIONAL_OR_KEYWORD:
            args.append(name)
            if param.default is not param.empty:
                defaults += (param.default,)
        elif kind is _VAR_POSITIONAL:
            varargs = name
        elif kind is _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not param.empty:
                kwdefaults[name] = param.default
        elif kind is _VAR_KEYWORD:
            varkw = name
        if param.annotation is not param.empty:
            annotations[name] = param.annotation
    if not kwdefaults:
        kwdefaults = None
    if not defaults:
        defaults = None
    return FullArgSpec(posonlyargs + args, varargs, varkw, defaults, kwonlyargs,
                       kwdefaults, annotations)


def _missing_arguments(f_name, argnames, pos, values):
    names = [repr(name) for name in argnames if name not in values]
    missing = len(names)
    if missing == 1:
        s = names[0]
    elif missing == 2:
        s = '{} and {}'.format(*names)
    else:
        tail = ', {} and {}'.format(*names[-2:])
        del names[-2:]
        s = ', '.join(names) + tail
    raise TypeError('%s() missing %i required %s argument%s: %s' %
                    (f_name, missing, 'positional' if pos else 'keyword-only',
                     '' if missing == 1 else 's', s))


def getcallargs(func, /, *positional, **named):
    """The mapping from argument names to the values a call would bind,
    in the order CPython's getcallargs builds it."""
    spec = getfullargspec(func)
    args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, ann = spec
    f_name = func.__name__
    arg2value = {}
    if ismethod(func) and func.__self__ is not None:
        positional = (func.__self__,) + positional
    num_pos = len(positional)
    num_args = len(args)
    num_defaults = len(defaults) if defaults else 0
    n = min(num_pos, num_args)
    for i in range(n):
        arg2value[args[i]] = positional[i]
    if varargs:
        arg2value[varargs] = tuple(positional[n:])
    possible_kwargs = set(args + kwonlyargs)
    if varkw:
        arg2value[varkw] = {}
    for kw, value in named.items():
        if kw not in possible_kwargs:
            if not varkw:
                raise TypeError('%s() got an unexpected keyword argument %r' % (f_name, kw))
            arg2value[varkw][kw] = value
            continue
        if kw in arg2value:
            raise TypeError('%s() got multiple values for argument %r' % (f_name, kw))
        arg2value[kw] = value
    if num_pos > num_args and not varargs:
        raise TypeError('%s() takes %d positional argument%s but %d were given'
                        % (f_name, num_args, '' if num_args == 1 else 's', num_pos))
    if num_pos < num_args:
        req = args[:num_args - num_defaults]
        for arg in req:
            if arg not in arg2value:
                _missing_arguments(f_name, req, True, arg2value)
        for i, arg in enumerate(args[num_args - num_defaults:]):
            if arg not in arg2value:
                arg2value[arg] = defaults[i]
    missing = 0
    for kwarg in kwonlyargs:
        if kwarg not in arg2value:
            if kwonlydefaults and kwarg in kwonlydefaults:
                arg2value[kwarg] = kwonlydefaults[kwarg]
            else:
                missing += 1
    if missing:
        _missing_arguments(f_name, kwonlyargs, False, arg2value)
    return arg2value


def getgeneratorstate(generator):
    if getattr(generator, 'gi_running', False):
        return 'GEN_RUNNING'
    frame = getattr(generator, 'gi_frame', None)
    if frame is None:
        return 'GEN_CLOSED'
    if getattr(frame, 'f_lasti', 0) == -1:
        return 'GEN_CREATED'
    return 'GEN_SUSPENDED'
