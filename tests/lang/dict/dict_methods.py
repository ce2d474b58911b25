d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.pop("zz", "dflt"), d)
print(d.setdefault("c", 30), d.setdefault("n", []), d)
d.update({"a": 10, "x": 5})
d.update(y=6)
d.update([("w", 7)])
print(d)
print(d.popitem(), d)
e = d.copy()
e["new"] = 1
print(len(d), len(e))
d.clear()
print(d)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {}.pop("k")
except KeyError as e:
    print("KeyError:", e)
