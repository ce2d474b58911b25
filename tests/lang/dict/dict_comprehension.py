sq = {x: x * x for x in range(6)}
print(sq)
inv = {v: k for k, v in sq.items() if k % 2}
print(inv)
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
lengths = {w: len(w) for w in words}
print(lengths)
print({k: v for k, v in zip("abc", [1, 2, 3])})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({x % 3: x for x in range(10)})
