# Deep recursion raises RecursionError (never crashes) and the
# interpreter keeps working afterwards.
import sys

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

def depth(n):
    return n if n == 0 else 1 + depth(n - 1)
print(depth(500))

sys.setrecursionlimit(5000)
print(depth(4000))

class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    print("repr recursion caught")

def gen_rec(n):
    if n:
        yield from gen_rec(n - 1)
    yield n
print(sum(gen_rec(200)))
