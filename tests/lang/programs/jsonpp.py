# A JSON-like serializer / pretty printer / parser, round-tripping nested data
ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def quote(s):
    out = ['"']
    for ch in s:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) > 0x7e:
            out.append("\\u%04x" % ord(ch) if ord(ch) < 0x10000 else "\\U%08x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dumps(obj, indent=None, level=0, sort_keys=False):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if obj is None:
        return "null"
    if obj is True or obj is False:
        return "true" if obj else "false"
    if isinstance(obj, (int, float)):
        if obj != obj:
            return "NaN"
        return repr(obj)
    if isinstance(obj, str):
        return quote(obj)
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        items = [pad + dumps(v, indent, level + 1, sort_keys) for v in obj]
        return "[" + sep.join(items) + end + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        keys = sorted(obj) if sort_keys else list(obj)
        items = [pad + quote(str(k)) + ": " + dumps(obj[k], indent, level + 1, sort_keys) for k in keys]
        return "{" + sep.join(items) + end + "}"
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


class ParseError(ValueError):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos


def loads(text):
    pos = 0

    def ws():
        nonlocal pos
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1

    def value():
        nonlocal pos
        ws()
        if pos >= len(text):
            raise ParseError("unexpected end", pos)
        c = text[pos]
        if c == "{":
            pos += 1
            d = {}
            ws()
            if text[pos] == "}":
                pos += 1
                return d
            while True:
                ws()
                k = value()
                ws()
                if text[pos] != ":":
                    raise ParseError("expected ':'", pos)
                pos += 1
                d[k] = value()
                ws()
                if text[pos] == ",":
                    pos += 1
                elif text[pos] == "}":
                    pos += 1
                    return d
                else:
                    raise ParseError("expected ',' or '}'", pos)
        if c == "[":
            pos += 1
            lst = []
            ws()
            if text[pos] == "]":
                pos += 1
                return lst
            while True:
                lst.append(value())
                ws()
                c = text[pos]
                pos += 1
                if c == "]":
                    return lst
                if c != ",":
                    raise ParseError("expected ',' or ']'", pos - 1)
        if c == '"':
            pos += 1
            buf = []
            while text[pos] != '"':
                if text[pos] == "\\":
                    e = text[pos + 1]
                    if e == "u":
                        buf.append(chr(int(text[pos + 2:pos + 6], 16)))
                        pos += 6
                        continue
                    if e == "U":
                        buf.append(chr(int(text[pos + 2:pos + 10], 16)))
                        pos += 10
                        continue
                    buf.append({"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}.get(e, e))
                    pos += 2
                else:
                    buf.append(text[pos])
                    pos += 1
            pos += 1
            return "".join(buf)
        for word, val in (("null", None), ("true", True), ("false", False), ("NaN", float("nan"))):
            if text.startswith(word, pos):
                pos += len(word)
                return val
        start = pos
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            pos += 1
        num = text[start:pos]
        if not num:
            raise ParseError("unexpected character %r" % c, pos)
        return float(num) if any(ch in num for ch in ".eE") else int(num)

    v = value()
    ws()
    if pos != len(text):
        raise ParseError("extra data", pos)
    return v


data = {"name": "tandem", "version": (0, 1), "tags": ["fast", "small", "caf\xe9"],
        "nested": {"empty_list": [], "empty_dict": {}, "none": None, "flag": True,
                   "ratio": 0.125, "big": 2 ** 70, "neg": -3.5e-10},
        "text": 'line1\nline2\t"quoted" \\ back \u2603 \U0001f600', 7: "int key"}
print(dumps(data))
print(dumps(data, indent=2, sort_keys=False))
back = loads(dumps(data))
print(back == {str(k) if isinstance(k, int) else k: (list(v) if isinstance(v, tuple) else v)
               for k, v in data.items()})
print(sorted(back), back["nested"]["big"], back["text"] == data["text"])
for bad in ("[1, 2", "{\"a\" 1}", "[1 2]", "  ", "tru", "[1] x"):
    try:
        loads(bad)
    except ParseError as e:
        print("ParseError:", e, e.pos, isinstance(e, ValueError))
    except IndexError as e:
        print("IndexError:", e)
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print(e)
print(repr(quote("\x00\x1f\x7f")), dumps([float("nan"), 1e300, -0.0, 10 ** 20]))
