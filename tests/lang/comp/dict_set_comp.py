words = ["apple", "bob", "civic", "deed", "eagle"]
print({w: w == w[::-1] for w in words})
print(sorted({len(w) for w in words}))
print({k: v for k, v in enumerate("abc") if k != 1})
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
print({i % 4 for i in range(100)} == {0, 1, 2, 3})
print({(x, y): x + y for x in range(2) for y in range(2)})
