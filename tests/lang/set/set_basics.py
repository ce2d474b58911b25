s = {3, 1, 2}
print(sorted(s), len(s), 1 in s, 5 not in s)
s.add(4); s.add(1)
print(sorted(s))
s.remove(4)
s.discard(100)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
print(sorted(set("hello")), sorted(set([1, 1, 2])), set(), len(set()))
p = s.pop()
print(p in {1, 2, 3}, len(s))
s.clear()
print(s)
print({1, 2, 3}, {0}, set(range(5)))
