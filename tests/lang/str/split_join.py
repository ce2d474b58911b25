s = "  the quick  brown fox  "
print(s.split())
print(s.split(" "))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("".split(), "".split(","), "abc".split("abc"))
print("one\ntwo\r\nthree\n".splitlines(), "x\ny".splitlines(True))
print("a b c".split(None, 1), "  a b  ".rsplit(None, 1))
print("-".join(["x", "y", "z"]), "".join("abc"), ", ".join(str(i) for i in range(4)))
print("::".join([]), "|".join(["solo"]))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
