# s += t may grow s in place when nothing else holds it; every other holder
# must keep seeing the old value.

def locals_case():
    s = "ab"
    t = s                      # alias: must not be mutated
    s += "c"
    print(s, t)
    s = s + "d"
    print(s, t)
    lst = [s]
    s += "e"                   # held by the list too
    print(s, lst)
    s += ""                    # empty right operand
    print(s)
    s += s                     # right operand is the same object
    print(s)

def non_ascii():
    u = "ä" * 200
    print(u[150], len(u))      # builds the code-point index
    u += "b" * 10
    print(u[205], u[199], len(u), u[-1])
    v = "x"
    v += "é"
    print(v, len(v), v.upper(), v[1])
    w = "abc"
    w += "€"
    w += "def"
    print(w, len(w), w[3], w[4:], w.encode())

def hashing():
    k = "key"
    k += "1"
    d = {k: 1}
    k += "2"
    print(d, k, hash(k) == hash("key12"), k == "key12", {k: 2}["key12"])

def singletons():
    c = "a"                    # cached one-character string
    c += "b"
    print(c, "a", "a" + "")
    n = "name"                 # interned literal
    n += "x"
    print(n, "name")
    e = ""
    e += "z"
    print(e, repr(""))

def closures():
    s = "c"
    def inner():
        nonlocal s
        for i in range(5):
            s += str(i)
        return s
    r = inner()
    print(r, s)
    keep = s
    def more():
        nonlocal s
        s += "!"
    more()
    print(s, keep)

class Sub(str):
    pass

def subclass():
    s = Sub("sub")
    s += "x"
    print(s, type(s).__name__)
    t = "x"
    t += Sub("y")
    print(t, type(t).__name__)

def loop():
    s = ""
    for i in range(20000):
        s += "xy"
    print(len(s), s[:6], s[-4:])
    parts = []
    s = ""
    for i in range(50):
        s += str(i % 10)
        parts.append(s)
    print(parts[3], parts[10], parts[-1])

locals_case()
non_ascii()
hashing()
singletons()
closures()
subclass()
loop()

# Module level: STORE_NAME / STORE_GLOBAL.
g = "g"
h = g
g += "1"
print(g, h)
m = ""
for i in range(1000):
    m += "m"
print(len(m))
order = {"a": 1}
q = "q"
q += "r"
print([k for k in globals() if k in ("g", "h", "m", "order", "q")], q)

def glob():
    global g
    for i in range(3):
        g += "!"
glob()
print(g, h)
