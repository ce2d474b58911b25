t = ([1, 2], "x")
t[0].append(3)
print(t)
try:
    t[0] += [4]
except TypeError as e:
    print("TypeError:", e)
print(t)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][1], len(nested))
print(tuple(reversed(nested)))
