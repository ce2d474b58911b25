print("ab" * 3, "-" * 10, "x" * 0 == "")
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts, "".join(parts))
s = ""
for w in ["alpha", "beta", "gamma"]:
    s += w[0].upper() + w[1:] + " "
print(repr(s.strip()))
print("é" * 3 + "!" * 2, len("日本" * 4))
