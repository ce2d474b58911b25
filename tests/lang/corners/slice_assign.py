# Slice assignment, including from and to negative-step slices.
l = list(range(10))
l[2:5] = l[::-1][:3]
print(l)
l = list(range(10))
l[::2] = l[::-2]
print(l)
l = list(range(10))
l[8:2:-2] = "abc"
print(l)
l = list(range(10))
l[::-1] = l
print(l)
l = list(range(6))
l[-1:-4:-1] = [7, 8, 9]
print(l)
l = list(range(6))
l[1:1] = l[::-1]
print(l)
l = list(range(6))
l[:] = l[::-3]
print(l)
l = list(range(6))
l[2:4] = []
print(l)
l = list(range(6))
l[5:1:-1] = l[1:5]
print(l)
l = list(range(8))
del l[::-3]
print(l)
l = list(range(5))
l[10:] = [99]
l[-100:0] = [-1]
print(l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    l[::-1] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    l[::0] = []
except ValueError as e:
    print("ValueError:", e)
try:
    l[1:3] = 5
except TypeError as e:
    print("TypeError:", e)
b = bytearray(b"abcdef")
b[::-2] = b"XYZ"
print(b)
b = bytearray(b"abcdef")
b[1:3] = b[::-1]
print(b)
try:
    b[::2] = b"12"
except ValueError as e:
    print("ValueError:", e)
