print(sorted({x % 5 for x in range(20)}))
print(sorted({c.lower() for c in "HeLLo"}))
words = ["aa", "b", "cc", "ddd"]
print(sorted({len(w) for w in words}))
print(sorted({(x, y) for x in range(2) for y in range(2) if x != y}))
