# Chained assignment through names, subscripts and attributes: the value is
# evaluated once and stored left to right.
class O:
    pass

o = O()
d = {}
L = [0, 0]
o.x = d["k"] = L[1] = o.y = 7
print(o.x, d, L, o.y)
a = b = c = []
a.append(1)
print(b, c, a is b is c)
x = [0, 0]
i = 0
i = x[i] = 1
print(i, x)
x = [0, 0]
i = 0
x[i] = i = 1
print(i, x)
o.a = o.b = o
print(o.a is o, o.b.a.b is o)

class Logger(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)

log = Logger()
def value():
    print("value evaluated")
    return 5
log["a"] = log["b"] = o.z = value()
print(sorted(log.items()), o.z)
p, q = r = s, t = 1, 2
print(p, q, r, s, t)
m = n = {"x": 1}
m["y"] = 2
print(n)
o.lst = o.lst2 = [1, 2]
o.lst[0] = o.lst2[1] = 9
print(o.lst, o.lst2)
