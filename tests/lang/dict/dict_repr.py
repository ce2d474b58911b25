print({}, {1: 2}, {"a": "b"}, {None: None}, {(1, 2): [3]}, {1.5: {2: {}}})
print(repr({"q": "'"}), str({"k": 1}))
d = {}
d["self"] = d
print(d)
print({"é": "ü", "\n": 1})
