try:
    raise ValueError("v")
except ValueError as e:
    saved = e
try:
    print(e)
except NameError:
    print("e is deleted after except block")
print(saved)
e = "preset"
try:
    raise KeyError("k")
except KeyError as e:
    pass
print("e" in globals())
