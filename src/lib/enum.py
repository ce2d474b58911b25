"""Enumerations (tandem): Enum, IntEnum, StrEnum, Flag, IntFlag, auto,
unique, with CPython 3.11's reprs, lookups and errors.

Members are created once by the EnumType metaclass when the class body
has run; the class namespace is an _EnumDict so that auto() values are
resolved in definition order, as the body assigns them."""

import sys

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'property', 'member', 'nonmember',
           'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP', 'verify',
           'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE']

_builtin_property = property


def _is_descriptor(obj):
    t = type(obj)
    return hasattr(t, '__get__') or hasattr(t, '__set__') or hasattr(t, '__delete__')


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_private(cls_name, name):
    pattern = '_%s__' % cls_name.lstrip('_')
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith('__')


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Placeholder: the member's value is chosen by _generate_next_value_."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    """Forces an attribute to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps an attribute from becoming a member."""

    def __init__(self, value):
        self.value = value


class property(_builtin_property):
    """The name/value attributes of members: read-only, and a member of
    the same name still wins on the class."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            member = ownerclass._member_map_.get(self.name) if ownerclass is not None else None
            if member is not None:
                return member
            raise AttributeError('%r has no attribute %r' % (ownerclass, self.name))
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError('<enum %r> cannot set attribute %r'
                                 % (self._owner_name, self.name))
        self.fset(instance, value)

    def __delete__(self, instance):
        raise AttributeError('<enum %r> cannot delete attribute %r'
                             % (self._owner_name, self.name))


class _MembersProxy:
    """Read-only view of the member map (CPython shows a mappingproxy)."""

    __slots__ = ('_map',)

    def __init__(self, m):
        object.__setattr__(self, '_map', m)

    def __getitem__(self, key):
        return self._map[key]

    def __iter__(self):
        return iter(self._map)

    def __len__(self):
        return len(self._map)

    def __contains__(self, key):
        return key in self._map

    def keys(self):
        return self._map.keys()

    def values(self):
        return self._map.values()

    def items(self):
        return self._map.items()

    def get(self, key, default=None):
        return self._map.get(key, default)

    def copy(self):
        return dict(self._map)

    def __eq__(self, other):
        if isinstance(other, _MembersProxy):
            other = other._map
        return self._map == other

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._map,)

    def __str__(self):
        return str(self._map)

    def __setattr__(self, name, value):
        raise AttributeError("'mappingproxy' object has no attribute %r" % name)


class _EnumDict(dict):
    """The class namespace: records member names and resolves auto()."""

    def __init__(self):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if self._cls_name is not None and _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key == '_order_':
                pass
            elif key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError('_generate_next_value_ must be defined before members')
                gnv = value.__func__ if isinstance(value, staticmethod) else value
                self._generate_next_value = gnv
            elif key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',', ' ').split()
                else:
                    value = list(value)
                self._ignore = value
                for name in value:
                    if name in self._member_names:
                        raise ValueError('_ignore_ cannot specify already set names: %r'
                                         % (name,))
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value) and not isinstance(value, member):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            value = self._resolve_auto(key, value)
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)

    def _resolve_auto(self, key, value):
        if isinstance(value, auto):
            if value.value is _auto_null:
                value.value = self._generate_next_value(
                    key, 1, len(self._member_names), self._last_values[:])
                self._auto_called = True
            return value.value
        if isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
            return tuple(self._resolve_auto(key, v) for v in value)
        return value

    def update(self, other=(), **kwds):
        items = other.items() if hasattr(other, 'items') else other
        for k, v in items:
            self[k] = v
        for k, v in kwds.items():
            self[k] = v


def _find_data_type(bases):
    for chain in bases:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_
                continue
            if '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                return candidate or base
            candidate = candidate or base
    return object


def _find_new_member(classdict, bases):
    new = classdict.get('__new__')
    if new is not None:
        return new, True
    for chain in bases:
        for base in chain.__mro__:
            if isinstance(base, EnumType):
                nm = base.__dict__.get('_new_member_')
                if nm is not None:
                    return nm, True
    return None, False


class EnumType(type):
    """Metaclass of Enum: the class is the collection of its members."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        ns = _EnumDict()
        ns._cls_name = cls
        first_enum = None
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType):
                    first_enum = base
                    break
            if first_enum is not None:
                break
        if first_enum is not None:
            if first_enum._member_names_:
                raise TypeError('%r cannot extend %r' % (_ClassName(cls, first_enum), first_enum))
            ns._generate_next_value = first_enum._generate_next_value_
        else:
            ns._generate_next_value = _generate_next_value_default
        return ns

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        mnames = getattr(classdict, '_member_names', {})
        member_names = list(mnames)
        plain = {}
        for k, v in classdict.items():
            if k not in mnames:
                plain[k] = v
        for k in getattr(classdict, '_ignore', ()):
            plain.pop(k, None)
        plain.pop('_ignore_', None)
        member_type = _find_data_type(bases) if bases else object
        new_member, use_args = _find_new_member(classdict, bases)
        if '__new__' in plain and _Enum is not None:
            del plain['__new__']
        plain['_new_member_'] = new_member if _Enum is not None else None
        if new_member is None:
            new_member = object.__new__ if member_type is object else member_type.__new__
            use_args = member_type is not object
        if isinstance(new_member, staticmethod):
            new_member = new_member.__func__
        plain['_member_names_'] = []
        plain['_member_map_'] = {}
        plain['_value2member_map_'] = {}
        plain['_unhashable_values_'] = []
        plain['_member_type_'] = member_type
        if boundary is not None:
            plain['_boundary_'] = boundary
        gnv = getattr(classdict, '_generate_next_value', None)
        if gnv is not None and '_generate_next_value_' not in plain:
            plain['_generate_next_value_'] = staticmethod(gnv)
        elif '_generate_next_value_' in plain and not isinstance(plain['_generate_next_value_'], staticmethod):
            plain['_generate_next_value_'] = staticmethod(plain['_generate_next_value_'])
        enum_class = super().__new__(metacls, cls, bases, plain, **kwds)
        for p in list(plain.values()):
            if isinstance(p, property) and not hasattr(p, '_owner_name'):
                p._owner_name = cls
        first_enum = None
        for b in bases:
            if isinstance(b, EnumType):
                first_enum = b
        # A data type's repr/str/format found first in the MRO would hide
        # the enum's (class N(int, Enum)); put the enum's back, as CPython.
        if first_enum is not None:
            for mname in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if mname in plain:
                    continue
                found = getattr(enum_class, mname)
                if found is getattr(member_type, mname) or found is getattr(object, mname):
                    type.__setattr__(enum_class, mname, first_enum.__dict__.get(
                        mname, getattr(first_enum, mname)))
        is_flag = _Flag is not None and issubclass(enum_class, _Flag)
        # Enum.__new__ looks members up by value; member creation used the
        # saved _new_member_ (or the data type's __new__) above.
        if _Enum is not None:
            type.__setattr__(enum_class, '__new__', _Enum.__dict__['__new__'])
        flag_mask = 0
        for name in member_names:
            value = classdict[name]
            if isinstance(value, tuple) and member_type is not tuple:
                args = value
            else:
                args = (value,)
            if use_args:
                m = new_member(enum_class, *args)
            else:
                m = new_member(enum_class)
            if not hasattr(m, '_value_'):
                if member_type is object:
                    m._value_ = value
                else:
                    try:
                        m._value_ = member_type(*args)
                    except Exception:
                        m._value_ = value
            value = m._value_
            m._name_ = name
            m.__objclass__ = enum_class
            m.__init__(*args)
            m._sort_order_ = len(enum_class._member_names_)
            canonical = None
            try:
                canonical = enum_class._value2member_map_.get(value)
            except TypeError:
                for other in enum_class._member_map_.values():
                    if other._value_ == value:
                        canonical = other
                        break
            if canonical is not None:
                m = canonical
            else:
                is_alias = False
                if is_flag and isinstance(value, int):
                    if value and value & (value - 1):
                        is_alias = True
                    else:
                        flag_mask |= value
                if not is_alias:
                    enum_class._member_names_.append(name)
                try:
                    enum_class._value2member_map_.setdefault(value, m)
                except TypeError:
                    enum_class._unhashable_values_.append(value)
            enum_class._member_map_[name] = m
            descr = None
            for base in enum_class.__mro__[1:]:
                if name in base.__dict__:
                    descr = base.__dict__[name]
                    break
            if not isinstance(descr, property):
                type.__setattr__(enum_class, name, m)
        if is_flag:
            enum_class._flag_mask_ = flag_mask
            enum_class._all_bits_ = 2 ** flag_mask.bit_length() - 1
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names = names, []
            last_values = []
            for count, name in enumerate(original):
                value = classdict._generate_next_value(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if hasattr(names, 'items'):
            names = list(names.items())
        for item in names:
            if isinstance(item, str):
                name, value = item, names[item]
            else:
                name, value = item
            classdict[name] = value
        if module is None:
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                module = None
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        if boundary is not None:
            return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __contains__(cls, value):
        if isinstance(value, cls):
            return value._name_ in cls._member_map_
        if not isinstance(value, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (value.__class__.__qualname__, cls.__class__.__qualname__))
        return False

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls, attr))
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_builtin_property
    def __members__(cls):
        return _MembersProxy(cls._member_map_)

    def __repr__(cls):
        if _Flag is not None and issubclass(cls, _Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __dir__(cls):
        interesting = set(['__class__', '__contains__', '__doc__', '__getitem__',
                           '__init_subclass__', '__iter__', '__len__', '__members__',
                           '__module__', '__name__', '__qualname__'] + cls._member_names_)
        if cls.__dict__.get('_new_member_') not in (None, object.__new__):
            interesting.add('__new__')
        if cls._member_type_ is object:
            return sorted(interesting)
        return sorted(set(dir(cls._member_type_)) | interesting)


EnumMeta = EnumType
_FlagMeta = EnumType


class _ClassName:
    def __init__(self, name, base):
        self.name = name

    def __repr__(self):
        return '<enum %r>' % self.name


def _generate_next_value_default(name, start, count, last_values):
    if not count:
        return start
    for last in reversed(last_values):
        try:
            return last + 1
        except TypeError:
            continue
    return start


_Enum = None
_Flag = None


class Enum(metaclass=EnumType):
    """Base class of enumerations: class Color(Enum): RED = 1."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        try:
            result = cls._missing_(value)
        except ValueError:
            raise
        except Exception as e:
            ve = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
            e.__context__ = ve
            raise e
        if isinstance(result, cls):
            return result
        if _Flag is not None and issubclass(cls, _Flag) and result is not None:
            return result
        if result is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result))

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return _generate_next_value_default(name, start, count, last_values)

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __dir__(self):
        if self._member_type_ is object:
            interesting = set(['__class__', '__doc__', '__eq__', '__hash__', '__module__',
                               'name', 'value'])
        else:
            interesting = set(object.__dir__(self))
        for name in getattr(self, '__dict__', ()):
            if name[0] != '_':
                interesting.add(name)
        members = type(self)._member_map_
        for cls in type(self).__mro__:
            for name in cls.__dict__:
                if name[0] != '_' and name not in members:
                    interesting.add(name)
        return sorted(interesting)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


_Enum = Enum


class ReprEnum(Enum):
    """Only repr() is the enum's; str() and format() are the data type's."""


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""

    __str__ = int.__repr__

    def __format__(self, format_spec):
        return int.__format__(self._value_, format_spec)


class StrEnum(str, ReprEnum):
    """Enum whose members are also strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        m = str.__new__(cls, value)
        m._value_ = value
        return m

    def __str__(self):
        return str.__str__(self._value_)

    def __format__(self, format_spec):
        return str.__format__(self._value_, format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


def _bits_in(value):
    while value:
        low = value & -value
        yield low
        value ^= low


class Flag(Enum, boundary=STRICT):
    """Members combine with |, & and ^; iteration yields single bits."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = 0
        for v in last_values:
            try:
                high = max(high, v.bit_length())
            except AttributeError:
                raise TypeError('invalid flag value %r' % (v,)) from None
        return 2 ** high

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        boundary = getattr(cls, '_boundary_', STRICT)
        flag_mask = cls._flag_mask_
        if value < 0:
            value = max(cls._all_bits_ + 1, 2 ** value.bit_length()) + value
        extra = value & ~flag_mask
        if extra:
            if boundary is STRICT:
                raise ValueError('%r invalid value %r' % (cls, value))
            if boundary is CONFORM:
                value &= flag_mask
                extra = 0
            elif boundary is EJECT:
                return value
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        names = [m._name_ for m in cls._iter_member_(value & flag_mask)]
        if extra:
            names.append(str(extra))
        pseudo._name_ = '|'.join(names) if names and (value & flag_mask) else None
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _iter_member_(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ and m._value_ & value == m._value_:
                yield m

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(list(self._iter_member_(self._value_)))

    def __len__(self):
        return bin(self._value_).count('1')

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '<%s: %r>' % (cls_name, self._value_)
        return '<%s.%s: %r>' % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ ^ v)

    def __invert__(self):
        if getattr(self.__class__, '_boundary_', STRICT) is KEEP:
            return self.__class__(self._all_bits_ ^ self._value_)
        return self.__class__(self._flag_mask_ ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


_Flag = Flag


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints."""

    __str__ = int.__repr__

    def __format__(self, format_spec):
        return int.__format__(self._value_, format_spec)

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__


def unique(enumeration):
    """Class decorator: no two members may share a value."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m._name_:
            duplicates.append((name, m._name_))
    if duplicates:
        alias_details = ', '.join('%s -> %s' % (alias, name) for alias, name in duplicates)
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


class EnumCheck(StrEnum):
    CONTINUOUS = 'no skipped integer values'
    NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'
    UNIQUE = 'one name per value'


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


def verify(*checks):
    """Class decorator: UNIQUE and CONTINUOUS are checked; NAMED_FLAGS is
    accepted without a check."""
    def decorator(enumeration):
        for check in checks:
            if check is UNIQUE:
                aliases = ['%s -> %s' % (name, m._name_)
                           for name, m in enumeration.__members__.items() if name != m._name_]
                if aliases:
                    raise ValueError('aliases found in %r: %s' % (enumeration, ', '.join(aliases)))
            elif check is CONTINUOUS:
                values = sorted(set(e.value for e in enumeration))
                if len(values) >= 2:
                    low, high = values[0], values[-1]
                    missing = [v for v in range(low, high + 1) if v not in values]
                    if missing:
                        raise ValueError('invalid %s %r: missing values %s' % (
                            'flag' if issubclass(enumeration, Flag) else 'enum',
                            enumeration.__name__, ', '.join(str(m) for m in missing)))
        return enumeration
    return decorator
