print(str(), str(42), str(-3.5), str(True), str(None), str([1, "a"]), str((1,)), str({"k": "v"}))
print(str(b"abc"), str(b"abc", "ascii"), str(b"\xc3\xa9", "utf-8"))
class C:
    def __str__(self):
        return "custom str"
    def __repr__(self):
        return "custom repr"
print(str(C()), repr(C()), [C()], "%s" % C(), f"{C()}", f"{C()!r}")
print(type(str(1)).__name__, str is type(""))
print(str(10 ** 20), str(1e20), str(0.1))
