a = 1; b = 2; c = a + b; print(c)
total = (1 +
         2 +
         3)
print(total)
s = "abc" \
    "def"
print(s)
lst = [
    1,
    2,
    3,
]
print(lst)
d = {
    "k": 1,
    "j": 2
}
print(d)
if (a == 1 and
        b == 2):
    print("multi-line condition")
x = 1 + \
    2
print(x)
def f(a,
      b):
    return a - b
print(f(10,
        3))
