# A user type whose __mul__/__rmul__/__add__/__radd__ return NotImplemented,
# combined with the built-in sequences: CPython's sq_concat/sq_repeat errors.
class N:
    def __mul__(self, o): return NotImplemented
    __rmul__ = __mul__
    def __add__(self, o): return NotImplemented
    __radd__ = __add__

class P:
    def __rmul__(self, o): return "rmul"
    def __radd__(self, o): return "radd"

for a, b in [(N(), "x"), ("x", N()), (N(), [1]), ([1], N()), ((1,), N()), (N(), (1,)),
             (b"x", N()), (N(), b"x"), (bytearray(b"x"), N()), (N(), bytearray())]:
    for op in ("*", "+"):
        try:
            r = eval("a %s b" % op)
            print(op, "ok", r)
        except TypeError as e:
            print(op, type(a).__name__, type(b).__name__, e)
print("ab" * P(), [1] + P(), (1,) * P(), b"x" + P())
x = [1]
try:
    x *= N()
except TypeError as e:
    print("*=", e)
try:
    x += N()
except TypeError as e:
    print("+=", e)
s = "s"
try:
    s += N()
except TypeError as e:
    print("str +=", e)
try:
    3 * N()
except TypeError as e:
    print(e)
