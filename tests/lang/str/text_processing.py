text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
words = [w.strip(",.").lower() for w in text.split()]
print(len(words))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
lines = text.splitlines()
print(len(lines), [len(l) for l in lines])
print(" ".join(w.capitalize() for w in lines[0].split()[:4]))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() and c.islower() else c for c in "hello, world")
print(caesar)
print("{:>10}|{:<10}|".format("right", "left"))
acronym = "".join(w[0] for w in "portable network graphics".split()).upper()
print(acronym)
print("racecar" == "racecar"[::-1], "hello" == "hello"[::-1])
