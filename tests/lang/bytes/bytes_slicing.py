b = bytes(range(10))
print(b[2:5], b[::3], b[::-2], b[-3:], b[5:2], b[100:])
print(b[3], b[-1], b[2:8:2])
try:
    b[10]
except IndexError as e:
    print("IndexError:", e)
s = b"abcdef"
print(s[1:-1], s[:0], list(s[::2]))
