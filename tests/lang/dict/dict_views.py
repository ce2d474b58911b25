d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
v = d.values()
it = d.items()
d["d"] = 4
print(k, v, it)
print(len(k), "a" in k, 2 in v, ("a", 1) in it, ("a", 2) in it)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(it - {("a", 1)}))
print(list(zip(k, v)))
for key, val in it:
    print(key, val, end="; ")
print()
print(k == {"a", "b", "c", "d"}, list(reversed(k)))
