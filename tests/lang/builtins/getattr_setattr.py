class Obj:
    cls_val = 1
o = Obj()
setattr(o, "x", 10)
print(getattr(o, "x"), getattr(o, "cls_val"), getattr(o, "nope", "dflt"), hasattr(o, "x"))
delattr(o, "x")
print(hasattr(o, "x"))
try:
    delattr(o, "x")
except AttributeError as e:
    print("AttributeError")
for name in ["a", "b", "c"]:
    setattr(o, name, name * 2)
print([getattr(o, n) for n in "abc"], sorted(vars(o)))
print(getattr("abc", "upper")(), getattr([1, 2], "count")(1))
try:
    getattr(o, "missing_attr")
except AttributeError as e:
    print("AttributeError:", e)
