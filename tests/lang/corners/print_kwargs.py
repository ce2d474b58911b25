# print() with sep=, end=, file= and flush=.
import sys
print(1, 2, 3, sep="-", end="!\n")
print("a", "b", sep="")
print("x", end="")
print()
print("err", file=sys.stderr, flush=True)
print("o", file=sys.stdout, flush=True)
print(*[1, 2], sep=None, end=None)
print("a", "b", sep=", ", end=" <end>\n", file=None)
print(sep="*")
print("only", end="")
print(" more")

class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        self.parts.append("<flush>")

w = W()
print("to", "writer", sep="_", end=".", file=w, flush=True)
print(w.parts)
for bad in [dict(sep=1), dict(end=2), dict(file=3)]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
