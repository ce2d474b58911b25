def tokenize(s):
    toks = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            toks.append(float(s[i:j]) if "." in s[i:j] else int(s[i:j]))
            i = j
        elif c in "+-*/()":
            toks.append(c)
            i += 1
        else:
            raise SyntaxError("bad char %r" % c)
    return toks
class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.pos = 0
    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None
    def take(self):
        t = self.peek()
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek() in ("+", "-"):
            v = v + self.term() if self.take() == "+" else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek() in ("*", "/"):
            v = v * self.factor() if self.take() == "*" else v / self.factor()
        return v
    def factor(self):
        t = self.take()
        if t == "(":
            v = self.expr()
            self.take()
            return v
        if t == "-":
            return -self.factor()
        return t
for e in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "2 * (3 + 4) - -1", "1.5 * 4", "((7))", "8 / (3 - 3)"]:
    try:
        print(e, "=", Parser(tokenize(e)).expr())
    except ZeroDivisionError as err:
        print(e, "->", type(err).__name__, err)
try:
    tokenize("2 $ 3")
except SyntaxError as err:
    print("SyntaxError:", err)
