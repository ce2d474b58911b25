a = list(range(10))
print(a[0], a[-1], a[3:6], a[-3:], a[::3], a[::-1][:3])
a[2] = "two"
a[-1] = "last"
print(a)
try:
    a[10]
except IndexError as e:
    print("IndexError:", e)
try:
    a[-11] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    a["x"]
except TypeError as e:
    print("TypeError:", e)
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], nested[-1][-1][-1])
print(a[True], a[False])
