# Tokenizer + recursive-descent calculator with variables, functions and error handling
import math


class CalcError(Exception):
    pass


class LexError(CalcError):
    def __init__(self, ch, pos):
        super().__init__("bad character %r at %d" % (ch, pos))
        self.ch = ch


class ParseError(CalcError):
    pass


class Token:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos

    def __repr__(self):
        return f"{self.kind}:{self.text!r}"


def tokenize(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            yield Token("num", src[i:j], i)
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield Token("name", src[i:j], i)
            i = j
        elif src.startswith("**", i):
            yield Token("op", "**", i)
            i += 2
        elif c in "+-*/%(),=":
            yield Token("op", c, i)
            i += 1
        else:
            raise LexError(c, i)
    yield Token("end", "", len(src))


FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs, "hyp": math.hypot}


class Parser:
    def __init__(self, src, env):
        self.toks = list(tokenize(src))
        self.i = 0
        self.env = env

    @property
    def tok(self):
        return self.toks[self.i]

    def eat(self, text=None):
        t = self.tok
        if text is not None and t.text != text:
            raise ParseError(f"expected {text!r} but got {t.text or 'end'!r} at {t.pos}")
        self.i += 1
        return t

    def statement(self):
        if self.tok.kind == "name" and self.toks[self.i + 1].text == "=":
            name = self.eat().text
            self.eat("=")
            v = self.expr()
            self.env[name] = v
        else:
            v = self.expr()
        self.eat("") if self.tok.kind == "end" else self.eat("<end>")
        return v

    def expr(self):
        v = self.term()
        while self.tok.text in ("+", "-"):
            op = self.eat().text
            r = self.term()
            v = v + r if op == "+" else v - r
        return v

    def term(self):
        v = self.unary()
        while self.tok.text in ("*", "/", "%"):
            op = self.eat().text
            r = self.unary()
            if op == "*":
                v *= r
            elif op == "/":
                v = v / r if not (isinstance(v, int) and isinstance(r, int) and r and v % r == 0) else v // r
            else:
                v %= r
        return v

    def unary(self):
        if self.tok.text == "-":
            self.eat()
            return -self.unary()
        return self.power()

    def power(self):
        base = self.atom()
        if self.tok.text == "**":
            self.eat()
            return base ** self.unary()
        return base

    def atom(self):
        t = self.eat()
        if t.kind == "num":
            return float(t.text) if "." in t.text else int(t.text)
        if t.kind == "name":
            if self.tok.text == "(":
                self.eat("(")
                args = [self.expr()]
                while self.tok.text == ",":
                    self.eat()
                    args.append(self.expr())
                self.eat(")")
                try:
                    return FUNCS[t.text](*args)
                except KeyError:
                    raise ParseError("unknown function " + t.text) from None
            try:
                return self.env[t.text]
            except KeyError as e:
                raise CalcError(f"undefined variable {e}") from e
        if t.text == "(":
            v = self.expr()
            self.eat(")")
            return v
        raise ParseError(f"unexpected {t.text or 'end'!r} at {t.pos}")


env = {"pi": math.pi}
lines = ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "x = 7 / 2", "y = 8 / 2", "x * y",
         "sqrt(16) + max(1, 5, 3)", "hyp(3, 4)", "2 ** 100", "10 % 3 + pi", "1 / 0", "foo(1)",
         "z + 1", "3 $ 4", "(1 + 2", "1 +", "1.5.2", "abs(-7) - min(2, -9)", "10 % 0"]
for line in lines:
    try:
        result = Parser(line, env).statement()
    except ZeroDivisionError as e:
        print(f"{line:<24} -> ZeroDivisionError: {e}")
    except LexError as e:
        print(f"{line:<24} -> {type(e).__name__}: {e} ({e.ch})")
    except CalcError as e:
        cause = type(e.__cause__).__name__ if e.__cause__ else None
        print(f"{line:<24} -> {type(e).__name__}: {e} cause={cause} ctx={e.__suppress_context__}")
    except ValueError as e:
        print(f"{line:<24} -> ValueError: {e}")
    else:
        print(f"{line:<24} = {result!r}")
print(sorted(env.items()))
print(list(tokenize("a=b**2")))
