def log(x):
    print("eval", x)
    return x
a = b = log(1)
print(a, b)
lst = [0, 0]
i = 0
i = lst[i] = 1
print(i, lst)
x = [1, 2, 3]
x[log(0)] = log("v")
print(x)
d = {}
d[log("k")] = log("val")
print(d)
def pair():
    print("pair called")
    return 1, 2
p, q = pair()
print(p + q)
