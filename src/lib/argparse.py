"""Command-line parsing: the common subset of CPython's argparse.

ArgumentParser with positional and optional arguments (type, default,
choices, nargs ? * + N, the store/store_const/store_true/store_false/
append/append_const/count/extend/help/version actions, required, dest,
metavar), argument groups and mutually exclusive groups, parse_args /
parse_known_args, and help and error output laid out as CPython lays it
out, and sub-commands (add_subparsers). Intermixed parsing is not
supported and says so."""

import os as _os
import sys as _sys

__all__ = ["ArgumentParser", "ArgumentError", "ArgumentTypeError", "FileType",
           "HelpFormatter", "ArgumentDefaultsHelpFormatter", "RawDescriptionHelpFormatter",
           "RawTextHelpFormatter", "MetavarTypeHelpFormatter", "Namespace", "Action",
           "BooleanOptionalAction", "ONE_OR_MORE", "OPTIONAL", "PARSER", "REMAINDER",
           "SUPPRESS", "ZERO_OR_MORE"]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
PARSER = "A..."
REMAINDER = "..."


# ---- small text helpers (no re / textwrap here) ---------------------------

def _squash(text):
    """Every run of whitespace becomes one space; ends stripped."""
    return " ".join(text.split())


def _is_letter(c):
    return c == "_" or c.isalpha()


def _word_chunks(word):
    # textwrap's rule: a word may break after a hyphen that follows two
    # letters (or letter-hyphen-letter) and precedes a letter.
    out, start, n = [], 0, len(word)
    for i in range(1, n - 1):
        if word[i] != "-" or i - start < 1:
            continue
        before = (i >= 2 and _is_letter(word[i - 1]) and _is_letter(word[i - 2])) or \
                 (i >= 3 and _is_letter(word[i - 1]) and word[i - 2] == "-" and
                  _is_letter(word[i - 3]))
        after = _is_letter(word[i + 1]) and i + 2 < n and (
            _is_letter(word[i + 2]) or
            (word[i + 2] == "-" and i + 3 < n and _is_letter(word[i + 3])))
        if before and after:
            out.append(word[start:i + 1])
            start = i + 1
    out.append(word[start:])
    return out


def _wrap(text, width, initial="", subsequent=""):
    """textwrap.wrap with its defaults, for text whose whitespace is
    already squashed."""
    chunks = []
    for i, w in enumerate(text.split(" ")):
        if i:
            chunks.append(" ")
        chunks.extend(_word_chunks(w))
    chunks.reverse()
    lines = []
    while chunks:
        cur, cur_len = [], 0
        indent = subsequent if lines else initial
        w = width - len(indent)
        if chunks[-1] == " " and lines:
            chunks.pop()
        while chunks:
            n = len(chunks[-1])
            if cur_len + n <= w:
                cur.append(chunks.pop())
                cur_len += n
            else:
                break
        if chunks and len(chunks[-1]) > w:
            space_left = w - cur_len if w >= 1 else 1
            if space_left < 1:
                space_left = 1
            chunk = chunks[-1]
            end = space_left
            if len(chunk) > space_left:
                h = chunk.rfind("-", 0, space_left)
                if h > 0 and any(c != "-" for c in chunk[:h]):
                    end = h + 1
            cur.append(chunk[:end])
            chunks[-1] = chunk[end:]
        if cur and cur[-1] == " ":
            cur.pop()
        if cur:
            lines.append(indent + "".join(cur))
    return lines


def _usage_parts(text):
    """Split a usage string the way CPython's formatter does: a bracketed
    or parenthesised run that ends before a space, or a run of non-space."""
    parts, i, n = [], 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        end = -1
        if text[i] in "([":
            close = ")" if text[i] == "(" else "]"
            j = i + 1
            while j < n:
                if text[j] == close and (j + 1 == n or text[j + 1].isspace() or
                                         text[j + 1] == close):
                    k = j
                    while k < n and text[k] == close:
                        k += 1
                    if k == n or text[k].isspace():
                        end = k
                        break
                if text[j] == "\n":
                    break
                j += 1
        if end < 0:
            end = i
            while end < n and not text[end].isspace():
                end += 1
        parts.append(text[i:end])
        i = end
    return parts


def _tidy_brackets(text):
    # "[ x" -> "[x", "x ]" -> "x]", and empty "[]" / "()" pairs vanish.
    for o in "[(":
        text = text.replace(o + " ", o)
    for c in "])":
        text = text.replace(" " + c, c)
    out, i = [], 0
    while i < len(text):
        if text[i] in "[(":
            j = i + 1
            while j < len(text) and text[j] == " ":
                j += 1
            if j < len(text) and text[j] in "])":
                i = j + 1
                continue
        out.append(text[i])
        i += 1
    return "".join(out).strip()


def _terminal_width():
    # shutil.get_terminal_size's order: $COLUMNS, the terminal, then 80.
    try:
        cols = int(_os.environ.get("COLUMNS", ""))
        if cols > 0:
            return cols
    except ValueError:
        pass
    try:
        cols = _os.get_terminal_size(_sys.__stdout__.fileno()).columns
        if cols > 0:
            return cols
    except (AttributeError, ValueError, OSError):
        pass
    return 80


# ---- formatting --------------------------------------------------------------

class HelpFormatter:
    """Lays out usage and help text like CPython's HelpFormatter."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            width = _terminal_width() - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position,
                                      max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
        self._action_max_length = 0
        self._items = []            # (kind, payload) at the root
        self._section = None

    def _indent(self):
        self._current_indent += self._indent_increment

    def _dedent(self):
        self._current_indent -= self._indent_increment

    # building
    def start_section(self, heading):
        self._indent()
        self._section = [heading, []]
        self._items.append(("section", self._section))

    def end_section(self):
        self._section = None
        self._dedent()

    def _add(self, item):
        (self._section[1] if self._section is not None else self._items).append(item)

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._add(("text", text))

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._add(("usage", (usage, actions, groups, prefix)))

    def add_argument(self, action):
        if action.help is not SUPPRESS:
            inv = [self._format_action_invocation(action)]
            for sub in self._iter_indented_subactions(action):
                inv.append(self._format_action_invocation(sub))
            length = max(len(s) for s in inv) + self._current_indent
            self._action_max_length = max(self._action_max_length, length)
            self._add(("action", action))

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    # rendering
    def _render(self, item):
        kind, payload = item
        if kind == "text":
            return self._format_text(payload)
        if kind == "usage":
            return self._format_usage(*payload)
        if kind == "action":
            return self._format_action(payload)
        heading, items = payload
        self._indent()
        body = "".join(self._render(i) for i in items)
        self._dedent()
        if not body:
            return ""
        head = ""
        if heading is not SUPPRESS and heading is not None:
            head = "%*s%s:\n" % (self._current_indent, "", heading)
        return "\n" + head + body + "\n"

    def format_help(self):
        text = "".join(self._render(i) for i in self._items)
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
        text = text.strip("\n")
        return text + "\n" if text else text

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = "usage: "
        prog = self._prog
        if usage is not None:
            usage = usage % dict(prog=prog)
        elif not actions:
            usage = prog
        else:
            optionals = [a for a in actions if a.option_strings]
            positionals = [a for a in actions if not a.option_strings]
            action_usage = self._format_actions_usage(optionals + positionals, groups)
            usage = " ".join(s for s in (prog, action_usage) if s)
            text_width = self._width - self._current_indent
            if len(prefix) + len(usage) > text_width:
                opt_parts = _usage_parts(self._format_actions_usage(optionals, groups))
                pos_parts = _usage_parts(self._format_actions_usage(positionals, groups))

                def get_lines(parts, indent, prefix=None):
                    lines, line = [], []
                    line_len = len(prefix) - 1 if prefix is not None else len(indent) - 1
                    for part in parts:
                        if line_len + 1 + len(part) > text_width and line:
                            lines.append(indent + " ".join(line))
                            line, line_len = [], len(indent) - 1
                        line.append(part)
                        line_len += len(part) + 1
                    if line:
                        lines.append(indent + " ".join(line))
                    if prefix is not None:
                        lines[0] = lines[0][len(indent):]
                    return lines

                if len(prefix) + len(prog) <= 0.75 * text_width:
                    indent = " " * (len(prefix) + len(prog) + 1)
                    if opt_parts:
                        lines = get_lines([prog] + opt_parts, indent, prefix)
                        lines.extend(get_lines(pos_parts, indent))
                    elif pos_parts:
                        lines = get_lines([prog] + pos_parts, indent, prefix)
                    else:
                        lines = [prog]
                else:
                    indent = " " * len(prefix)
                    lines = get_lines(opt_parts + pos_parts, indent)
                    if len(lines) > 1:
                        lines = get_lines(opt_parts, indent) + get_lines(pos_parts, indent)
                    lines = [prog] + lines
                usage = "\n".join(lines)
        return "%s%s\n\n" % (prefix, usage)

    def _format_actions_usage(self, actions, groups):
        group_actions = set()
        inserts = {}
        for group in groups:
            if not group._group_actions:
                raise ValueError("empty group %s" % group)
            try:
                start = actions.index(group._group_actions[0])
            except ValueError:
                continue
            end = start + len(group._group_actions)
            if actions[start:end] != group._group_actions:
                continue
            exposed = 0
            for a in group._group_actions:
                group_actions.add(a)
                if a.help is not SUPPRESS:
                    exposed += 1
            if not group.required:
                inserts[start] = inserts[start] + " [" if start in inserts else "["
                inserts[end] = inserts[end] + "]" if end in inserts else "]"
            elif exposed > 1:
                inserts[start] = inserts[start] + " (" if start in inserts else "("
                inserts[end] = inserts[end] + ")" if end in inserts else ")"
            for i in range(start + 1, end):
                inserts[i] = "|"
        parts = []
        for i, action in enumerate(actions):
            if action.help is SUPPRESS:
                parts.append(None)
                if inserts.get(i) == "|":
                    inserts.pop(i)
                elif inserts.get(i + 1) == "|":
                    inserts.pop(i + 1)
            elif not action.option_strings:
                part = self._format_args(action, self._get_default_metavar_for_positional(action))
                if action in group_actions and part[:1] == "[" and part[-1:] == "]":
                    part = part[1:-1]
                parts.append(part)
            else:
                if action.nargs == 0:
                    part = action.format_usage()
                else:
                    args = self._format_args(action,
                                             self._get_default_metavar_for_optional(action))
                    part = "%s %s" % (action.option_strings[0], args)
                if not action.required and action not in group_actions:
                    part = "[%s]" % part
                parts.append(part)
        for i in sorted(inserts, reverse=True):
            parts[i:i] = [inserts[i]]
        return _tidy_brackets(" ".join(p for p in parts if p is not None))

    def _format_text(self, text):
        if "%(prog)" in text:
            text = text % dict(prog=self._prog)
        text_width = max(self._width - self._current_indent, 11)
        indent = " " * self._current_indent
        return self._fill_text(text, text_width, indent) + "\n\n"

    def _format_action(self, action):
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        if not action.help:
            header = "%*s%s\n" % (self._current_indent, "", header)
            indent_first = 0
        elif len(header) <= action_width:
            header = "%*s%-*s  " % (self._current_indent, "", action_width, header)
            indent_first = 0
        else:
            header = "%*s%s\n" % (self._current_indent, "", header)
            indent_first = help_position
        parts = [header]
        if action.help and action.help.strip():
            help_text = self._expand_help(action)
            if help_text:
                lines = self._split_lines(help_text, help_width)
                parts.append("%*s%s\n" % (indent_first, "", lines[0] if lines else ""))
                for line in lines[1:]:
                    parts.append("%*s%s\n" % (help_position, "", line))
        elif not header.endswith("\n"):
            parts.append("\n")
        for sub in self._iter_indented_subactions(action):
            parts.append(self._format_action(sub))
        return "".join(parts)

    def _iter_indented_subactions(self, action):
        get = getattr(action, "_get_subactions", None)
        if get is not None:
            self._indent()
            yield from get()
            self._dedent()

    def _format_action_invocation(self, action):
        if not action.option_strings:
            metavar, = self._metavar_formatter(
                action, self._get_default_metavar_for_positional(action))(1)
            return metavar
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        args = self._format_args(action, self._get_default_metavar_for_optional(action))
        return ", ".join("%s %s" % (o, args) for o in action.option_strings)

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = "{%s}" % ",".join(map(str, action.choices))
        else:
            result = default_metavar

        def fmt(size):
            return result if isinstance(result, tuple) else (result,) * size
        return fmt

    def _format_args(self, action, default_metavar):
        get = self._metavar_formatter(action, default_metavar)
        n = action.nargs
        if n is None:
            return "%s" % get(1)
        if n == OPTIONAL:
            return "[%s]" % get(1)
        if n == ZERO_OR_MORE:
            m = get(1)
            return "[%s [%s ...]]" % m if len(m) == 2 else "[%s ...]" % m
        if n == ONE_OR_MORE:
            return "%s [%s ...]" % get(2)
        if n == REMAINDER:
            return "..."
        if n == PARSER:
            return "%s ..." % get(1)
        if n == SUPPRESS:
            return ""
        try:
            formats = ["%s"] * n
        except TypeError:
            raise ValueError("invalid nargs value") from None
        return " ".join(formats) % get(n)

    def _expand_help(self, action):
        params = dict(vars(action), prog=self._prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        for name in list(params):
            if hasattr(params[name], "__name__"):
                params[name] = params[name].__name__
        if params.get("choices") is not None:
            params["choices"] = ", ".join(str(c) for c in params["choices"])
        return self._get_help_string(action) % params

    def _split_lines(self, text, width):
        return _wrap(_squash(text), width)

    def _fill_text(self, text, width, indent):
        return "\n".join(_wrap(_squash(text), width, indent, indent))

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    """Keeps the description and epilog as written."""

    def _fill_text(self, text, width, indent):
        return "".join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Keeps every help text as written."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Adds "(default: ...)" to each argument's help."""

    def _get_help_string(self, action):
        h = action.help
        if h is None:
            h = ""
        if "%(default)" not in h and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                h += " (default: %(default)s)"
        return h


class MetavarTypeHelpFormatter(HelpFormatter):
    """Uses the type's name as the default metavar."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__


# ---- errors and the namespace ----------------------------------------------

def _get_action_name(argument):
    if argument is None:
        return None
    if argument.option_strings:
        return "/".join(argument.option_strings)
    if argument.metavar not in (None, SUPPRESS):
        return argument.metavar
    if argument.dest not in (None, SUPPRESS):
        return argument.dest
    if argument.choices:
        return "{" + ",".join(argument.choices) + "}"
    return None


class ArgumentError(Exception):
    """An error from creating or using an argument."""

    def __init__(self, argument, message):
        self.argument_name = _get_action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """Raised by a type= function to report a bad value in its own words."""


class _AttributeHolder:
    def __repr__(self):
        args, star = [], {}
        for a in self._get_args():
            args.append(repr(a))
        for name, value in self._get_kwargs():
            if name.isidentifier():
                args.append("%s=%r" % (name, value))
            else:
                star[name] = value
        if star:
            args.append("**%s" % repr(star))
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


class Namespace(_AttributeHolder):
    """A plain object holding the parsed attributes."""

    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__

    __hash__ = None


# ---- actions -----------------------------------------------------------------

class Action(_AttributeHolder):
    """Base class of what add_argument creates: holds the settings and is
    called with the converted values."""

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def _get_kwargs(self):
        names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices",
                 "required", "help", "metavar"]
        return [(n, getattr(self, n)) for n in names]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError(".__call__() not defined")


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None):
        if nargs == 0:
            raise ValueError("nargs for store actions must be != 0; if you have nothing "
                             "to store, actions such as store true or store const may "
                             "be more appropriate")
        if const is not None and nargs != OPTIONAL:
            raise ValueError("nargs must be %r to supply const" % OPTIONAL)
        super().__init__(option_strings, dest, nargs, const, default, type, choices,
                         required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        super().__init__(option_strings, dest, True, default, required, help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        super().__init__(option_strings, dest, False, default, required, help)


def _copy_items(items):
    if items is None:
        return []
    return list(items)


class _AppendAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None):
        if nargs == 0:
            raise ValueError("nargs for append actions must be != 0; if arg strings are "
                             "not supplying the value to append, the append const action "
                             "may be more appropriate")
        if const is not None and nargs != OPTIONAL:
            raise ValueError("nargs must be %r to supply const" % OPTIONAL)
        super().__init__(option_strings, dest, nargs, const, default, type, choices,
                         required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _ExtendAction(_AppendAction):
    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.extend(values)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default,
                         required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        if count is None:
            count = 0
        setattr(namespace, self.dest, count + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        version = self.version
        if version is None:
            version = parser.version
        formatter = parser._get_formatter()
        formatter.add_text(version)
        parser._print_message(formatter.format_help(), _sys.stdout)
        parser.exit()


class BooleanOptionalAction(Action):
    """--flag / --no-flag."""

    def __init__(self, option_strings, dest, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        strings = []
        for o in option_strings:
            strings.append(o)
            if o.startswith("--"):
                strings.append("--no-" + o[2:])
        super().__init__(strings, dest, nargs=0, default=default, type=type,
                         choices=choices, required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith("--no-"))

    def format_usage(self):
        return " | ".join(self.option_strings)


_UNRECOGNIZED_ARGS_ATTR = "_unrecognized_args"


class _SubParsersAction(Action):
    """The sub-command positional: the first string picks a parser, which
    parses the rest into the same namespace."""

    class _ChoicesPseudoAction(Action):
        def __init__(self, name, aliases, help):
            metavar = dest = name
            if aliases:
                metavar += " (%s)" % ", ".join(aliases)
            super().__init__(option_strings=[], dest=dest, help=help, metavar=metavar)

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False,
                 help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        super().__init__(option_strings=option_strings, dest=dest, nargs=PARSER,
                         choices=self._name_parser_map, required=required, help=help,
                         metavar=metavar)

    def add_parser(self, name, **kwargs):
        if kwargs.get("prog") is None:
            kwargs["prog"] = "%s %s" % (self._prog_prefix, name)
        aliases = kwargs.pop("aliases", ())
        if name in self._name_parser_map:
            raise ArgumentError(self, "conflicting subparser: %s" % name)
        for alias in aliases:
            if alias in self._name_parser_map:
                raise ArgumentError(self, "conflicting subparser alias: %s" % alias)
        if "help" in kwargs:
            help = kwargs.pop("help")
            self._choices_actions.append(self._ChoicesPseudoAction(name, aliases, help))
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        for alias in aliases:
            self._name_parser_map[alias] = parser
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        parser_name, arg_strings = values[0], values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, parser_name)
        try:
            subparser = self._name_parser_map[parser_name]
        except KeyError:
            raise ArgumentError(self, "unknown parser %r (choices: %s)"
                                % (parser_name, ", ".join(self._name_parser_map)))
        subnamespace, arg_strings = subparser.parse_known_args(arg_strings, None)
        for key, value in vars(subnamespace).items():
            setattr(namespace, key, value)
        if arg_strings:
            vars(namespace).setdefault(_UNRECOGNIZED_ARGS_ATTR, [])
            getattr(namespace, _UNRECOGNIZED_ARGS_ATTR).extend(arg_strings)


class FileType:
    """type= factory that opens the named file ('-' is stdin/stdout)."""

    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._bufsize = bufsize
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == "-":
            if "r" in self._mode:
                return _sys.stdin
            if any(c in self._mode for c in "wax"):
                return _sys.stdout
            raise ValueError('argument "-" with mode %r' % self._mode)
        try:
            if "b" in self._mode:
                return open(string, self._mode)
            return open(string, self._mode, encoding=self._encoding, errors=self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        args = [self._mode, self._bufsize]
        kwargs = [("encoding", self._encoding), ("errors", self._errors)]
        parts = [repr(a) for a in args if a != -1] + \
                ["%s=%r" % (k, v) for k, v in kwargs if v is not None]
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))


_ACTIONS = {
    None: _StoreAction, "store": _StoreAction, "store_const": _StoreConstAction,
    "store_true": _StoreTrueAction, "store_false": _StoreFalseAction,
    "append": _AppendAction, "append_const": _AppendConstAction, "count": _CountAction,
    "help": _HelpAction, "version": _VersionAction, "extend": _ExtendAction,
    "parsers": _SubParsersAction,
}


# ---- nargs patterns ----------------------------------------------------------
# An argument list is classified one letter per string: 'O' an option, 'A'
# an argument, '-' the "--" marker. Each nargs value is a sequence of
# (letters, min, max) elements matched greedily with backtracking, which is
# what CPython's regular expressions do.

_INF = 1 << 30


def _nargs_elements(nargs, for_optional):
    dash = [] if for_optional else [("-", 0, _INF)]
    if nargs is None:
        core = [("A", 1, 1)]
    elif nargs == OPTIONAL:
        core = [("A", 0, 1)]
    elif nargs == ZERO_OR_MORE:
        core = [("A" if for_optional else "A-", 0, _INF)]
    elif nargs == ONE_OR_MORE:
        core = [("A", 1, 1), ("A" if for_optional else "A-", 0, _INF)]
    elif nargs == REMAINDER:
        return [("-AO" if not for_optional else "AO", 0, _INF)]
    elif nargs == PARSER:
        return dash + [("A", 1, 1), ("-AO" if not for_optional else "AO", 0, _INF)]
    elif nargs == SUPPRESS:
        return dash
    else:
        core = []
        for i in range(nargs):
            if i:
                core += dash
            core.append(("A", 1, 1))
    return dash + core + dash


def _match_groups(pattern, pos, groups):
    """Lengths matched by each group, in order, from pattern[pos:], or None."""
    out = []

    def elems(gi, ei, p):
        if gi == len(groups):
            return True
        group = groups[gi]
        if ei == len(group):
            out.append(p)
            if elems(gi + 1, 0, p):
                return True
            out.pop()
            return False
        letters, lo, hi = group[ei]
        n = 0
        while n < hi and p + n < len(pattern) and pattern[p + n] in letters:
            n += 1
        while n >= lo:
            if elems(gi, ei + 1, p + n):
                return True
            n -= 1
        return False

    if not elems(0, 0, pos):
        return None
    lengths, prev = [], pos
    for end in out:
        lengths.append(end - prev)
        prev = end
    return lengths


# ---- containers and the parser -----------------------------------------------

class _ActionsContainer:
    def __init__(self, description, prefix_chars, argument_default, conflict_handler):
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._registries = {}
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        self._has_negative_number_optionals = []

    def register(self, registry_name, value, obj):
        self._registries.setdefault(registry_name, {})[value] = obj

    def _registry_get(self, registry_name, value, default=None):
        return self._registries.get(registry_name, {}).get(value, default)

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        """add_argument(dest, ..., name=value, ...) or
        add_argument(option_string, option_string, ..., name=value, ...)"""
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][0] not in chars:
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            kwargs = self._get_positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._get_optional_kwargs(*args, **kwargs)
        if "default" not in kwargs:
            dest = kwargs["dest"]
            if dest in self._defaults:
                kwargs["default"] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default
        action_name = kwargs.pop("action", None)
        action_class = self._registry_get("action", action_name, action_name)
        if isinstance(action_class, str) or action_class is None:
            raise ValueError("unknown action \"%s\"" % (action_class,))
        action = action_class(**kwargs)
        type_func = self._registry_get("type", action.type, action.type)
        if not callable(type_func):
            raise ValueError("%r is not callable" % (type_func,))
        if type_func is FileType:
            raise ValueError("%r is a FileType class object, instance of it must be passed"
                             % (type_func,))
        if hasattr(self, "_get_formatter"):
            try:
                self._get_formatter()._format_args(action, None)
            except TypeError:
                raise ValueError("length of metavar tuple does not match nargs")
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        self._check_conflict(action)
        self._actions.append(action)
        action.container = self
        for option_string in action.option_strings:
            self._option_string_actions[option_string] = action
        for option_string in action.option_strings:
            if _looks_negative(option_string):
                if not self._has_negative_number_optionals:
                    self._has_negative_number_optionals.append(True)
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _get_positional_kwargs(self, dest, **kwargs):
        if "required" in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        if kwargs.get("nargs") not in (OPTIONAL, ZERO_OR_MORE):
            kwargs["required"] = True
        if kwargs.get("nargs") == ZERO_OR_MORE and "default" not in kwargs:
            kwargs["required"] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _get_optional_kwargs(self, *args, **kwargs):
        option_strings = []
        long_option_strings = []
        for option_string in args:
            if not option_string or option_string[0] not in self.prefix_chars:
                raise ValueError("invalid option string %r: must start with a character %r"
                                 % (option_string, self.prefix_chars))
            option_strings.append(option_string)
            if len(option_string) > 1 and option_string[1] in self.prefix_chars:
                long_option_strings.append(option_string)
        dest = kwargs.pop("dest", None)
        if dest is None:
            dest_option_string = long_option_strings[0] if long_option_strings \
                else option_strings[0]
            dest = dest_option_string.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError("dest= is required for options like %r" % option_string)
            dest = dest.replace("-", "_")
        return dict(kwargs, dest=dest, option_strings=option_strings)

    def _check_conflict(self, action):
        conflicts = [(o, self._option_string_actions[o]) for o in action.option_strings
                     if o in self._option_string_actions]
        if not conflicts:
            return
        if self.conflict_handler == "resolve":
            for option_string, old in conflicts:
                old.option_strings.remove(option_string)
                self._option_string_actions.pop(option_string, None)
                if not old.option_strings:
                    old.container._remove_action(old)
            return
        message = "conflicting option string%s: %s" % (
            "s" if len(conflicts) > 1 else "", ", ".join(o for o, _ in conflicts))
        raise ArgumentError(action, message)


def _looks_negative(s):
    # -5, -.5, -1.5: a negative number, not an option
    if len(s) < 2 or s[0] != "-":
        return False
    body = s[1:]
    if body.isdigit():
        return True
    head, dot, tail = body.partition(".")
    return bool(dot) and tail.isdigit() and (head == "" or head.isdigit())


class _ArgumentGroup(_ActionsContainer):
    def __init__(self, container, title=None, description=None, **kwargs):
        kwargs.setdefault("conflict_handler", container.conflict_handler)
        kwargs.setdefault("prefix_chars", container.prefix_chars)
        kwargs.setdefault("argument_default", container.argument_default)
        super().__init__(description=description, **kwargs)
        self.title = title
        self._group_actions = []
        self._registries = container._registries
        self._actions = container._actions
        self._option_string_actions = container._option_string_actions
        self._defaults = container._defaults
        self._has_negative_number_optionals = container._has_negative_number_optionals
        self._mutually_exclusive_groups = container._mutually_exclusive_groups
        self._container = container

    def _get_formatter(self):
        return self._container._get_formatter()

    def _add_action(self, action):
        action = super()._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        super()._remove_action(action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError("mutually exclusive arguments must be optional")
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)


class ArgumentParser(_AttributeHolder, _ActionsContainer):
    """Turns command-line strings into a Namespace; writes usage, help and
    errors like CPython's ArgumentParser."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars="-",
                 fromfile_prefix_chars=None, argument_default=None,
                 conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        _ActionsContainer.__init__(self, description=description, prefix_chars=prefix_chars,
                                   argument_default=argument_default,
                                   conflict_handler=conflict_handler)
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv and _sys.argv[0] else ""
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        for name, cls in _ACTIONS.items():
            self.register("action", name, cls)
        self.register("type", None, lambda x: x)
        self._positionals = self.add_argument_group("positional arguments")
        self._optionals = self.add_argument_group("options")
        self._subparsers = None
        default_prefix = "-" if "-" in prefix_chars else prefix_chars[0]
        if self.add_help:
            self.add_argument(default_prefix + "h", default_prefix * 2 + "help",
                              action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def _add_container_actions(self, container):
        titles = {g.title: g for g in self._action_groups}
        group_map = {}
        for group in container._action_groups:
            if group.title not in titles:
                titles[group.title] = self.add_argument_group(group.title, group.description)
            for action in group._group_actions:
                group_map[action] = titles[group.title]
        for group in container._mutually_exclusive_groups:
            mutex = self.add_mutually_exclusive_group(required=group.required)
            for action in group._group_actions:
                group_map[action] = mutex
        for action in container._actions:
            group_map.get(action, self)._add_action(action)

    def _get_kwargs(self):
        names = ["prog", "usage", "description", "formatter_class", "conflict_handler",
                 "add_help"]
        return [(n, getattr(self, n)) for n in names]

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error("cannot have multiple subparser arguments")
        kwargs.setdefault("parser_class", type(self))
        if "title" in kwargs or "description" in kwargs:
            title = kwargs.pop("title", "subcommands")
            description = kwargs.pop("description", None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals
        if kwargs.get("prog") is None:
            formatter = self._get_formatter()
            positionals = [a for a in self._actions if not a.option_strings]
            formatter.add_usage(self.usage, positionals, self._mutually_exclusive_groups, "")
            kwargs["prog"] = formatter.format_help().strip()
        action_class = self._registry_get("action", kwargs.pop("action", "parsers"))
        action = action_class(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._add_action(action)
        else:
            self._positionals._add_action(action)
        return action

    # -- parsing
    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error("unrecognized arguments: %s" % " ".join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest) \
                    and action.default is not SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])
        if self.exit_on_error:
            try:
                namespace, args = self._parse_known_args(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse_known_args(args, namespace)
        if hasattr(namespace, _UNRECOGNIZED_ARGS_ATTR):
            args.extend(getattr(namespace, _UNRECOGNIZED_ARGS_ATTR))
            delattr(namespace, _UNRECOGNIZED_ARGS_ATTR)
        return namespace, args

    def parse_intermixed_args(self, args=None, namespace=None):
        raise NotImplementedError("argparse: parse_intermixed_args is not supported")

    def parse_known_intermixed_args(self, args=None, namespace=None):
        raise NotImplementedError("argparse: parse_known_intermixed_args is not supported")

    def _parse_known_args(self, arg_strings, namespace):
        if self.fromfile_prefix_chars is not None:
            arg_strings = self._read_args_from_files(arg_strings)
        action_conflicts = {}
        for mutex in self._mutually_exclusive_groups:
            group_actions = mutex._group_actions
            for i, a in enumerate(group_actions):
                conflicts = action_conflicts.setdefault(a, [])
                conflicts.extend(group_actions[:i])
                conflicts.extend(group_actions[i + 1:])

        option_string_indices = {}
        pattern = []
        it = iter(arg_strings)
        for i, s in enumerate(it):
            if s == "--":
                pattern.append("-")
                for _ in it:
                    pattern.append("A")
                break
            option_tuple = self._parse_optional(s)
            if option_tuple is None:
                pattern.append("A")
            else:
                option_string_indices[i] = option_tuple
                pattern.append("O")
        pattern = "".join(pattern)

        seen_actions = set()
        seen_non_default_actions = set()
        extras = []

        def take_action(action, argument_strings, option_string=None):
            seen_actions.add(action)
            values = self._get_values(action, argument_strings)
            if values is not action.default:
                seen_non_default_actions.add(action)
                for conflict in action_conflicts.get(action, []):
                    if conflict in seen_non_default_actions:
                        raise ArgumentError(action, "not allowed with argument %s"
                                            % _get_action_name(conflict))
            if values is not SUPPRESS:
                action(self, namespace, values, option_string)

        def consume_optional(start_index):
            action, option_string, explicit_arg = option_string_indices[start_index]
            action_tuples = []
            while True:
                if action is None:
                    extras.append(arg_strings[start_index])
                    return start_index + 1
                if explicit_arg is not None:
                    arg_count = self._match_argument(action, "A")
                    if arg_count == 0 and option_string[1] not in self.prefix_chars \
                            and explicit_arg != "":
                        action_tuples.append((action, [], option_string))
                        option_string = option_string[0] + explicit_arg[0]
                        new_explicit = explicit_arg[1:] or None
                        if option_string in self._option_string_actions:
                            action = self._option_string_actions[option_string]
                            explicit_arg = new_explicit
                        else:
                            raise ArgumentError(action, "ignored explicit argument %r"
                                                % explicit_arg)
                    elif arg_count == 1:
                        stop = start_index + 1
                        action_tuples.append((action, [explicit_arg], option_string))
                        break
                    else:
                        raise ArgumentError(action, "ignored explicit argument %r"
                                            % explicit_arg)
                else:
                    start = start_index + 1
                    arg_count = self._match_argument(action, pattern[start:])
                    stop = start + arg_count
                    action_tuples.append((action, arg_strings[start:stop], option_string))
                    break
            for action, args, option_string in action_tuples:
                take_action(action, args, option_string)
            return stop

        positionals = [a for a in self._actions if not a.option_strings]

        def consume_positionals(start_index):
            counts = self._match_arguments_partial(positionals, pattern, start_index)
            for action, count in zip(positionals, counts):
                args = arg_strings[start_index:start_index + count]
                start_index += count
                take_action(action, args)
            positionals[:] = positionals[len(counts):]
            return start_index

        start_index = 0
        max_option_index = max(option_string_indices) if option_string_indices else -1
        while start_index <= max_option_index:
            next_option_index = min(i for i in option_string_indices if i >= start_index)
            if start_index != next_option_index:
                end = consume_positionals(start_index)
                if end > start_index:
                    start_index = end
                    continue
                start_index = end
            if start_index not in option_string_indices:
                extras.extend(arg_strings[start_index:next_option_index])
                start_index = next_option_index
            start_index = consume_optional(start_index)
        stop_index = consume_positionals(start_index)
        extras.extend(arg_strings[stop_index:])

        required = []
        for action in self._actions:
            if action not in seen_actions:
                if action.required:
                    required.append(_get_action_name(action))
                elif (action.default is not None and isinstance(action.default, str) and
                      hasattr(namespace, action.dest) and
                      action.default is getattr(namespace, action.dest)):
                    setattr(namespace, action.dest, self._get_value(action, action.default))
        if required:
            raise ArgumentError(None, "the following arguments are required: %s"
                                % ", ".join(required))
        for group in self._mutually_exclusive_groups:
            if group.required:
                for action in group._group_actions:
                    if action in seen_non_default_actions:
                        break
                else:
                    names = [_get_action_name(a) for a in group._group_actions
                             if a.help is not SUPPRESS]
                    raise ArgumentError(None, "one of the arguments %s is required"
                                        % " ".join(names))
        return namespace, extras

    def _read_args_from_files(self, arg_strings):
        out = []
        for s in arg_strings:
            if not s or s[0] not in self.fromfile_prefix_chars:
                out.append(s)
                continue
            try:
                with open(s[1:]) as f:
                    lines = f.read().splitlines()
            except OSError as err:
                self.error(str(err))
            out.extend(self._read_args_from_files(lines))
        return out

    def _match_argument(self, action, pattern):
        lengths = _match_groups(pattern, 0, [_nargs_elements(action.nargs, True)])
        if lengths is None:
            n = action.nargs
            if n is None:
                msg = "expected one argument"
            elif n == OPTIONAL:
                msg = "expected at most one argument"
            elif n == ONE_OR_MORE:
                msg = "expected at least one argument"
            else:
                msg = "expected %s argument%s" % (n, "" if n == 1 else "s")
            raise ArgumentError(action, msg)
        return lengths[0]

    def _match_arguments_partial(self, actions, pattern, start):
        for i in range(len(actions), 0, -1):
            groups = [_nargs_elements(a.nargs, False) for a in actions[:i]]
            lengths = _match_groups(pattern, start, groups)
            if lengths is not None:
                return lengths
        return []

    def _parse_optional(self, arg_string):
        if not arg_string or arg_string[0] not in self.prefix_chars:
            return None
        if arg_string in self._option_string_actions:
            return self._option_string_actions[arg_string], arg_string, None
        if len(arg_string) == 1:
            return None
        if "=" in arg_string:
            option_string, explicit_arg = arg_string.split("=", 1)
            if option_string in self._option_string_actions:
                return self._option_string_actions[option_string], option_string, explicit_arg
        option_tuples = self._get_option_tuples(arg_string)
        if len(option_tuples) > 1:
            options = ", ".join(o for _, o, _ in option_tuples)
            self.error("ambiguous option: %s could match %s" % (arg_string, options))
        elif len(option_tuples) == 1:
            return option_tuples[0]
        if _looks_negative(arg_string) and not self._has_negative_number_optionals:
            return None
        if " " in arg_string:
            return None
        return None, arg_string, None

    def _get_option_tuples(self, option_string):
        result = []
        chars = self.prefix_chars
        if option_string[0] in chars and option_string[1] in chars:
            if self.allow_abbrev:
                if "=" in option_string:
                    prefix, explicit_arg = option_string.split("=", 1)
                else:
                    prefix, explicit_arg = option_string, None
                for o in self._option_string_actions:
                    if o.startswith(prefix):
                        result.append((self._option_string_actions[o], o, explicit_arg))
        elif option_string[0] in chars and option_string[1] not in chars:
            short_prefix, short_explicit = option_string[:2], option_string[2:]
            for o in self._option_string_actions:
                if o == short_prefix:
                    result.append((self._option_string_actions[o], o, short_explicit))
                elif o.startswith(option_string):
                    result.append((self._option_string_actions[o], o, None))
        else:
            self.error("unexpected option string: %s" % option_string)
        return result

    def _get_values(self, action, arg_strings):
        if action.nargs not in (PARSER, REMAINDER):
            try:
                arg_strings.remove("--")
            except ValueError:
                pass
        if not arg_strings and action.nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._get_value(action, value)
                self._check_value(action, value)
        elif not arg_strings and action.nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else arg_strings
            self._check_value(action, value)
        elif len(arg_strings) == 1 and action.nargs in (None, OPTIONAL):
            value = self._get_value(action, arg_strings[0])
            self._check_value(action, value)
        elif action.nargs == REMAINDER:
            value = [self._get_value(action, v) for v in arg_strings]
        elif action.nargs == PARSER:
            value = [self._get_value(action, v) for v in arg_strings]
            self._check_value(action, value[0])
        elif action.nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._get_value(action, v) for v in arg_strings]
            for v in value:
                self._check_value(action, v)
        return value

    def _get_value(self, action, arg_string):
        type_func = self._registry_get("type", action.type, action.type)
        if not callable(type_func):
            raise ArgumentError(action, "%r is not callable" % (type_func,))
        try:
            return type_func(arg_string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, "__name__", repr(action.type))
            raise ArgumentError(action, "invalid %s value: %r" % (name, arg_string))

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            raise ArgumentError(action, "invalid choice: %r (choose from %s)"
                                % (value, choices))

    # -- help and errors
    def format_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        return formatter.format_help()

    def format_help(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def print_usage(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_usage(), file)

    def print_help(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_help(), file)

    def _print_message(self, message, file=None):
        if message:
            if file is None:
                file = _sys.stderr
            try:
                file.write(message)
            except (AttributeError, OSError):
                pass

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))
