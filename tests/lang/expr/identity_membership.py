a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(id(a) == id(b), id(a) == id(c))
print(2 in a, 3 in a, [1, 2] in [[1, 2], [3]])
print("ell" in "hello", "" in "abc", "é" in "café")
d = {"k": 1}
print("k" in d, 1 in d, 1 in d.values())
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(1 in {1, 2}, (1, 2) in {(1, 2)}, 1 in (1.0,))
x = None
print(x is None, type(x) is type(None))
print(True is True, (1 == 1) is True)
