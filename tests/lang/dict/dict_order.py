d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(list(d))
d["alpha"] = 0
print(list(d))
del d["zeta"]
d["zeta"] = 9
print(list(d), d)
d2 = {3: "c", 1: "a", 2: "b"}
print(d2, sorted(d2), sorted(d2.items(), key=lambda kv: kv[1], reverse=True))
print(list(reversed(d2)), list(reversed(d2.values())))
m = {"a": 1, "b": 2}
m |= {"b": 20, "c": 30}
print(m, {"x": 1} | {"y": 2})
