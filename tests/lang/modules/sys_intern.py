import sys
a = sys.intern("hello world string")
b = sys.intern("hello " + "world string")
print(a is b, a == b)
parts = ["dyn", "amic"]
c = "".join(parts)
d = sys.intern(c)
e = sys.intern("dynamic")
print(d is e, d == "dynamic")
print(type(sys.intern("x")).__name__)
