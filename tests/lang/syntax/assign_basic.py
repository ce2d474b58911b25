x = 1
y = x + 2
print(x, y)
a = b = c = 7
print(a, b, c)
s = "hello"
s2 = s
print(s2)
n = None
print(n)
t = True
f = False
print(t, f, t and f, t or f)
x = x + 1
print(x)
