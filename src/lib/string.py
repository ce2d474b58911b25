"""Common string constants, capwords and Template (tandem).

Template is parsed by hand because tandem has no `re` module: a subclass
may change `delimiter`, but one that overrides `pattern`, `idpattern`,
`braceidpattern` or `flags` gets a NotImplementedError naming it."""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_ID_START = ascii_letters + '_'
_ID_REST = _ID_START + digits


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init_subclass__(cls):
        super().__init_subclass__()
        for attr in ('pattern', 'idpattern', 'braceidpattern', 'flags'):
            if attr in cls.__dict__:
                raise NotImplementedError(
                    'string.Template: a custom %s needs the re module, '
                    'which tandem does not provide' % attr)

    def __init__(self, template):
        self.template = template

    # Yields ('text', s) and ('name', name, start) and ('invalid', start).
    def _scan(self):
        t = self.template
        d = self.delimiter
        n = len(t)
        dl = len(d)
        i = 0
        buf_start = 0
        while True:
            j = t.find(d, i)
            if j < 0:
                break
            k = j + dl
            if t.startswith(d, k):
                yield ('text', t[buf_start:j] + d)
                i = buf_start = k + dl
                continue
            if k < n and t[k] == '{':
                e = k + 1
                if e < n and t[e] in _ID_START:
                    e += 1
                    while e < n and t[e] in _ID_REST:
                        e += 1
                    if e < n and t[e] == '}':
                        yield ('text', t[buf_start:j])
                        yield ('name', t[k + 1:e], j)
                        i = buf_start = e + 1
                        continue
                yield ('text', t[buf_start:j])
                yield ('invalid', j)
                i = buf_start = k
                continue
            if k < n and t[k] in _ID_START:
                e = k + 1
                while e < n and t[e] in _ID_REST:
                    e += 1
                yield ('text', t[buf_start:j])
                yield ('name', t[k:e], j)
                i = buf_start = e
                continue
            yield ('text', t[buf_start:j])
            yield ('invalid', j)
            i = buf_start = k
        yield ('text', t[buf_start:])

    def _invalid(self, pos):
        lines = self.template[:pos].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = pos - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _mapping(self, mapping, kws):
        if mapping is None:
            return kws
        if kws:
            merged = dict(mapping)
            merged.update(kws)
            return merged
        return mapping

    def substitute(self, mapping=None, /, **kws):
        m = self._mapping(mapping, kws)
        out = []
        for part in self._scan():
            if part[0] == 'text':
                out.append(part[1])
            elif part[0] == 'name':
                out.append(str(m[part[1]]))
            else:
                # CPython reports the position just after the delimiter
                self._invalid(part[1] + len(self.delimiter))
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        m = self._mapping(mapping, kws)
        out = []
        t = self.template
        for part in self._scan():
            if part[0] == 'text':
                out.append(part[1])
            elif part[0] == 'name':
                try:
                    out.append(str(m[part[1]]))
                except KeyError:
                    start = part[2]
                    if t.startswith('{', start + len(self.delimiter)):
                        out.append(self.delimiter + '{' + part[1] + '}')
                    else:
                        out.append(self.delimiter + part[1])
            else:
                out.append(self.delimiter)
        return ''.join(out)

    def is_valid(self):
        for part in self._scan():
            if part[0] == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for part in self._scan():
            if part[0] == 'name' and part[1] not in ids:
                ids.append(part[1])
        return ids


class Formatter:
    """str.format-style formatting as an overridable class."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used = set()
        result = self._vformat(format_string, args, kwargs, used, 2)
        self.check_unused_args(used, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used, depth, auto=None):
        if depth < 0:
            raise ValueError('Max string recursion exceeded')
        if auto is None:
            auto = [0]
        out = []
        for literal, field, spec, conv in self.parse(format_string):
            if literal:
                out.append(literal)
            if field is None:
                continue
            if field == '':
                if auto[0] is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field = str(auto[0])
                auto[0] += 1
            elif field.isdigit():
                if auto[0]:
                    raise ValueError('cannot switch from automatic field '
                                     'numbering to manual field '
                                     'specification')
                auto[0] = False
            obj, key = self.get_field(field, args, kwargs)
            used.add(key)
            obj = self.convert_field(obj, conv)
            spec = self._vformat(spec, args, kwargs, used, depth - 1, auto)
            out.append(self.format_field(obj, spec))
        return ''.join(out)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier %s' % conversion)

    def parse(self, format_string):
        s = format_string
        n = len(s)
        i = 0
        lit = []
        while i < n:
            c = s[i]
            if c == '{':
                if i + 1 < n and s[i + 1] == '{':
                    lit.append('{')
                    i += 2
                    continue
                depth = 1
                j = i + 1
                while j < n and depth:
                    if s[j] == '{':
                        depth += 1
                    elif s[j] == '}':
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                body = s[i + 1:j - 1]
                spec = ''
                conv = None
                k = 0
                while k < len(body) and body[k] not in '!:':
                    if body[k] == '[':
                        k = body.find(']', k)
                        if k < 0:
                            raise ValueError("expected '}' before end of string")
                    k += 1
                name = body[:k]
                rest = body[k:]
                if rest.startswith('!'):
                    if len(rest) < 2:
                        raise ValueError('end of string while looking for conversion specifier')
                    conv = rest[1]
                    rest = rest[2:]
                    if rest and not rest.startswith(':'):
                        raise ValueError('expected \':\' after conversion specifier')
                if rest.startswith(':'):
                    spec = rest[1:]
                yield (''.join(lit), name, spec, conv)
                lit = []
                i = j
            elif c == '}':
                if i + 1 < n and s[i + 1] == '}':
                    lit.append('}')
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            else:
                lit.append(c)
                i += 1
        if lit:
            yield (''.join(lit), None, None, None)

    def get_field(self, field_name, args, kwargs):
        i = 0
        n = len(field_name)
        while i < n and field_name[i] not in '.[':
            i += 1
        first = field_name[:i]
        key = int(first) if first.isdigit() else first
        obj = self.get_value(key, args, kwargs)
        while i < n:
            if field_name[i] == '.':
                j = i + 1
                while j < n and field_name[j] not in '.[':
                    j += 1
                obj = getattr(obj, field_name[i + 1:j])
                i = j
            else:
                j = field_name.find(']', i)
                idx = field_name[i + 1:j]
                obj = obj[int(idx) if idx.isdigit() else idx]
                i = j + 1
        return obj, key
