s = "Python"
print(s[0], s[5], s[-1], s[-6])
print(s[1:4], s[:2], s[2:], s[-3:], s[::2], s[::-1], s[4:1:-1])
print(s[10:], s[-100:3], s[3:3])
try:
    s[6]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "J"
except TypeError as e:
    print("TypeError:", e)
u = "ñandú€"
print(u[0], u[4], u[-1], u[1:5], u[::-1], len(u))
print(list(reversed("abc")), "".join(reversed("héllo")))
