lst = [0, 0, 0]
lst[0] = 1
lst[-1] = 3
print(lst)
d = {}
d["a"] = 1
d["b"] = d["a"] + 1
print(d)
class Box:
    pass
bx = Box()
bx.value = 10
bx.other = bx.value * 2
print(bx.value, bx.other)
lst[0], d["c"], bx.value = "x", "y", "z"
print(lst, d, bx.value)
m = [[0] * 3 for _ in range(2)]
m[1][2] = 5
print(m)
lst[1:3] = [7, 8, 9]
print(lst)
i = 0
lst2 = [10, 20, 30]
i, lst2[i] = 1, 99
print(i, lst2)
