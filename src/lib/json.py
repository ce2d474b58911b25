"""JSON encoder and decoder with the interface of CPython's json package.

dumps/dump/loads/load, JSONEncoder, JSONDecoder and JSONDecodeError; the
output text and the error messages are CPython 3.11's. The decoder is a
hand-written recursive descent parser (no regular expressions).
"""

__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError",
           "JSONEncoder"]

_INF = float("inf")


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the position of the error in the document."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


# ---- encoding ----------------------------------------------------------------

_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
                  "\b": "\\b", "\f": "\\f"}


def _escape_char(c, ensure_ascii):
    e = _SHORT_ESCAPES.get(c)
    if e is not None:
        return e
    n = ord(c)
    if n < 0x20:
        return "\\u%04x" % n
    if ensure_ascii and n >= 0x7F:
        if n > 0xFFFF:
            n -= 0x10000
            return "\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF))
        return "\\u%04x" % n
    return c


def _encode_str(s, ensure_ascii):
    # Fast path: most strings need no escaping at all.
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    out = ['"']
    for c in s:
        if c in _SHORT_ESCAPES or c < " " or (ensure_ascii and c >= "\x7f"):
            out.append(_escape_char(c, ensure_ascii))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def _float_text(o, allow_nan):
    if o != o:
        text = "NaN"
    elif o == _INF:
        text = "Infinity"
    elif o == -_INF:
        text = "-Infinity"
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class JSONEncoder(object):
    """Extensible JSON encoder for Python data structures."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type %s is not JSON serializable" % o.__class__.__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, self.ensure_ascii)
        return "".join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        chunks = []
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        markers = {} if self.check_circular else None
        self._encode(o, chunks, indent, 0, markers)
        return chunks

    def _key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _float_text(key, self.allow_nan)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not %s"
                        % key.__class__.__name__)

    def _enter(self, o, markers):
        if markers is not None:
            key = id(o)
            if key in markers:
                raise ValueError("Circular reference detected")
            markers[key] = o

    def _encode(self, o, out, indent, level, markers):
        if isinstance(o, str):
            out.append(_encode_str(o, self.ensure_ascii))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float_text(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self._encode_list(o, out, indent, level, markers)
        elif isinstance(o, dict):
            self._encode_dict(o, out, indent, level, markers)
        else:
            self._enter(o, markers)
            self._encode(self.default(o), out, indent, level, markers)
            if markers is not None:
                del markers[id(o)]

    def _encode_list(self, lst, out, indent, level, markers):
        if not lst:
            out.append("[]")
            return
        self._enter(lst, markers)
        if indent is None:
            sep = self.item_separator
            out.append("[")
        else:
            level += 1
            newline = "\n" + indent * level
            sep = self.item_separator + newline
            out.append("[" + newline)
        first = True
        for v in lst:
            if not first:
                out.append(sep)
            first = False
            self._encode(v, out, indent, level, markers)
        if indent is not None:
            level -= 1
            out.append("\n" + indent * level)
        out.append("]")
        if markers is not None:
            del markers[id(lst)]

    def _encode_dict(self, dct, out, indent, level, markers):
        if not dct:
            out.append("{}")
            return
        self._enter(dct, markers)
        if indent is None:
            sep = self.item_separator
            out.append("{")
        else:
            level += 1
            newline = "\n" + indent * level
            sep = self.item_separator + newline
            out.append("{" + newline)
        items = dct.items()
        if self.sort_keys:
            items = sorted(items)
        first = True
        for key, value in items:
            text = self._key_text(key)
            if text is None:
                continue
            if not first:
                out.append(sep)
            first = False
            out.append(_encode_str(text, self.ensure_ascii))
            out.append(self.key_separator)
            self._encode(value, out, indent, level, markers)
        if indent is not None:
            level -= 1
            out.append("\n" + indent * level)
        out.append("}")
        if markers is not None:
            del markers[id(dct)]


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None, default=None,
          sort_keys=False, **kw):
    """Serialize obj to a JSON formatted str."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None
            and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators,
               default=default, sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None, default=None,
         sort_keys=False, **kw):
    """Serialize obj as a JSON formatted stream to fp (a .write()-supporting object)."""
    if cls is None:
        cls = JSONEncoder
    enc = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
              allow_nan=allow_nan, indent=indent, separators=separators,
              default=default, sort_keys=sort_keys, **kw)
    for chunk in enc.iterencode(obj):
        fp.write(chunk)


# ---- decoding ----------------------------------------------------------------

_WS = " \t\n\r"
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n",
                   "r": "\r", "t": "\t"}
_HEX = "0123456789abcdefABCDEF"
_DIGITS = "0123456789"


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _hex4(s, i):
    # Value of the four hex digits at s[i:i+4], or -1.
    h = s[i:i + 4]
    if len(h) != 4:
        return -1
    for c in h:
        if c not in _HEX:
            return -1
    return int(h, 16)


def _scan_string(s, begin, strict):
    """Decode the string whose opening quote is at s[begin - 1]; -> (str, end)."""
    chunks = []
    i = begin
    n = len(s)
    while True:
        q = s.find('"', i)
        if q < 0:
            raise JSONDecodeError("Unterminated string starting at", s, begin - 1)
        b = s.find("\\", i, q)
        stop = q if b < 0 else b
        chunk = s[i:stop]
        if strict:
            for k in range(len(chunk)):
                if chunk[k] < " ":
                    raise JSONDecodeError("Invalid control character at", s, i + k)
        chunks.append(chunk)
        if b < 0:
            return "".join(chunks), q + 1
        i = b + 1
        if i >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin - 1)
        esc = s[i]
        if esc != "u":
            c = _SIMPLE_ESCAPES.get(esc)
            if c is None:
                raise JSONDecodeError("Invalid \\escape", s, i - 1)
            chunks.append(c)
            i += 1
            continue
        u = _hex4(s, i + 1)
        if u < 0:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, i)
        i += 5
        if 0xD800 <= u <= 0xDBFF and s[i:i + 2] == "\\u":
            lo = _hex4(s, i + 2)
            if lo < 0:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, i + 1)
            if 0xDC00 <= lo <= 0xDFFF:
                u = 0x10000 + (((u - 0xD800) << 10) | (lo - 0xDC00))
                i += 6
        chunks.append(chr(u))


class _Parser(object):

    def __init__(self, dec, s):
        self.s = s
        self.strict = dec.strict
        self.object_hook = dec.object_hook
        self.object_pairs_hook = dec.object_pairs_hook
        self.parse_float = dec.parse_float
        self.parse_int = dec.parse_int
        self.parse_constant = dec.parse_constant

    def value(self, i):
        s = self.s
        try:
            c = s[i]
        except IndexError:
            raise JSONDecodeError("Expecting value", s, i) from None
        if c == '"':
            return _scan_string(s, i + 1, self.strict)
        if c == "{":
            return self.object(i + 1)
        if c == "[":
            return self.array(i + 1)
        if c == "n" and s[i:i + 4] == "null":
            return None, i + 4
        if c == "t" and s[i:i + 4] == "true":
            return True, i + 4
        if c == "f" and s[i:i + 5] == "false":
            return False, i + 5
        if c == "N" and s[i:i + 3] == "NaN":
            return self.parse_constant("NaN"), i + 3
        if c == "I" and s[i:i + 8] == "Infinity":
            return self.parse_constant("Infinity"), i + 8
        if c == "-" and s[i:i + 9] == "-Infinity":
            return self.parse_constant("-Infinity"), i + 9
        return self.number(i)

    def number(self, start):
        s = self.s
        n = len(s)
        i = start
        if i < n and s[i] == "-":
            i += 1
        if i < n and s[i] == "0":
            i += 1
        elif i < n and s[i] in "123456789":
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            raise JSONDecodeError("Expecting value", s, start)
        int_end = i
        is_float = False
        if i + 1 < n and s[i] == "." and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            is_float = True
        if i < n and s[i] in "eE":
            j = i + 1
            if j < n and s[j] in "+-":
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                is_float = True
        if is_float:
            return self.parse_float(s[start:i]), i
        return self.parse_int(s[start:int_end]), int_end

    def object(self, i):
        s = self.s
        pairs = []
        i = _skip_ws(s, i)
        if s[i:i + 1] == "}":
            i += 1
        else:
            while True:
                if s[i:i + 1] != '"':
                    raise JSONDecodeError(
                        "Expecting property name enclosed in double quotes", s, i)
                key, i = _scan_string(s, i + 1, self.strict)
                i = _skip_ws(s, i)
                if s[i:i + 1] != ":":
                    raise JSONDecodeError("Expecting ':' delimiter", s, i)
                i = _skip_ws(s, i + 1)
                value, i = self.value(i)
                pairs.append((key, value))
                i = _skip_ws(s, i)
                c = s[i:i + 1]
                i += 1
                if c == "}":
                    break
                if c != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
                i = _skip_ws(s, i)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, i

    def array(self, i):
        s = self.s
        values = []
        i = _skip_ws(s, i)
        if s[i:i + 1] == "]":
            return values, i + 1
        while True:
            value, i = self.value(i)
            values.append(value)
            i = _skip_ws(s, i)
            c = s[i:i + 1]
            i += 1
            if c == "]":
                return values, i
            if c != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
            i = _skip_ws(s, i)


def _constant(name):
    return {"NaN": float("nan"), "Infinity": _INF, "-Infinity": -_INF}[name]


class JSONDecoder(object):
    """Simple JSON decoder (the table of conversions is json's usual one)."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        if idx < 0:
            raise JSONDecodeError("Expecting value", s, idx)
        return _Parser(self, s).value(idx)


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize s (a str, bytes or bytearray holding a JSON document)."""
    if isinstance(s, str):
        if s.startswith("\ufeff"):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    elif isinstance(s, (bytes, bytearray)):
        s = s.decode("utf-8")
    else:
        raise TypeError("the JSON object must be str, bytes or bytearray, not %s"
                        % s.__class__.__name__)
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw["object_hook"] = object_hook
    if object_pairs_hook is not None:
        kw["object_pairs_hook"] = object_pairs_hook
    if parse_float is not None:
        kw["parse_float"] = parse_float
    if parse_int is not None:
        kw["parse_int"] = parse_int
    if parse_constant is not None:
        kw["parse_constant"] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize fp (a .read()-supporting file holding a JSON document)."""
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


def _submodules():
    # CPython's json is a package; expose json.decoder, json.encoder and
    # json.scanner for code that names them (attributes and sys.modules).
    import sys
    module = type(sys)
    names = {"decoder": {"JSONDecoder": JSONDecoder, "JSONDecodeError": JSONDecodeError},
             "encoder": {"JSONEncoder": JSONEncoder}}
    for short, attrs in names.items():
        m = module("json." + short)
        for k, v in attrs.items():
            setattr(m, k, v)
        sys.modules["json." + short] = m
        globals()[short] = m


_submodules()
del _submodules
