s = "hello"
for ch in s:
    print(ch, end=",")
print()
print(list(s), tuple("ab"), set("aa") == {"a"})
it = iter("xy")
print(next(it), next(it), next(it, "end"))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print([c * 2 for c in "abc"], "".join(c for c in "a1b2" if c.isdigit()))
print(list(enumerate("ab")), list(zip("abc", "12")))
