a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print({*a, *b, 1})
print({**{"x": 1}, "y": 2, **{"x": 3}})
print([*"abc", *range(3)])
print(*a, *b)
t = *a, *b
print(t)
d1 = {"a": 1}
d2 = {"b": 2, "a": 0}
print({**d1, **d2})
print([*[], *()])
