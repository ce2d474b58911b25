# str.join over a list, a tuple, other iterables; ASCII case mapping.
words = ["alpha", "beta", "gamma"]
print(",".join(words), "-".join(tuple(words)), "".join(w for w in words))
print(",".join([]), ",".join(()), ",".join(["one"]), ",".join(("x",)))
print(" ".join(["é", "ö"]), "é".join(["a", "b", "c"]), "".join(["a", "", "b"]))
print("".join(["a"]) == "a", repr("".join([""])))
class S(str):
    pass
print(repr(",".join([S("p"), S("q")])), type(",".join([S("p")])).__name__)
for bad in (["a", 1], ("a", None, "b"), iter(["a", b"b"])):
    try:
        ",".join(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    ",".join(5)
except TypeError as e:
    print("TypeError:", e)
print(",".join({"k": 1, "j": 2}), ",".join("abc"))
for s in ("Hello, World 123!", "", "a", "Z", "MiXeD_case-@[`{"):
    print(repr(s.lower()), repr(s.upper()), repr(s.casefold()), repr(s.swapcase()),
          repr(s.title()), repr(s.capitalize()))
print("ÄbC".lower(), "straße".upper(), "ǅ".lower(), "ß".casefold())
