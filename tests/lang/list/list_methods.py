a = [3, 1, 2]
a.append(4); print(a)
a.extend([5, 6]); print(a)
a.extend("ab"); print(a)
a.insert(0, "first"); a.insert(100, "last"); a.insert(-1, "neg"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove("a"); print(a)
print(a.index(2), a.count(2), a.index(5, 2))
a.reverse(); print(a)
b = a.copy(); b.append(99); print(a, b)
a.clear(); print(a, len(a))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
