a = "hello"
b = a
a += " world"
print(a, b)
s = "abc"
t = s.upper()
print(s, t)
try:
    s.append("d")
except AttributeError as e:
    print("AttributeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
lst = list(s)
lst[0] = "X"
print("".join(lst), s)
