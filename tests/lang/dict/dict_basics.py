d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"])
d["a"] = 100
print(d)
del d["b"]
print(d, "b" in d, "c" in d)
print(dict(), dict(x=1, y=2), dict([("k", "v"), ("k2", "v2")]), dict({"z": 0}, w=1))
print(dict(zip("abc", range(3))))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
print({1: "int", "1": "str", (1,): "tuple", None: "none", True: "bool?"})
