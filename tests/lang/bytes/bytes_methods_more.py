# bytes/bytearray methods: case, tabs, lines, translation, affixes, padding,
# strip with an argument and rsplit corner cases (CPython 3.11 semantics).


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for cls in (bytes, bytearray):
    print("---", cls.__name__)
    for s in [b"", b"hello world", b"HELLO wORLD", b"they-re bill.s_x", b"a1b2 c3D4",
              b"\xe9t\xe9 abc", b"  x", b"ABC", b"Abc Def", b"Abc def", b"123"]:
        x = cls(s)
        print(repr(x.title()), repr(x.capitalize()), repr(x.swapcase()), x.istitle())
    print(repr(cls(b"a\tb\tc").expandtabs()), repr(cls(b"a\tbc\td").expandtabs(4)))
    print(repr(cls(b"ab\r\tc\n\td").expandtabs(tabsize=3)), repr(cls(b"\t\t").expandtabs(0)))
    print(repr(cls(b"x\ty").expandtabs(-2)), repr(cls(b"").expandtabs(True)))
    for s in [b"", b"a", b"a\n", b"a\nb", b"a\r\nb\rc\n\n", b"\r\r\n\n", b"a\x0bb\x0cc\x1cd"]:
        x = cls(s)
        print(x.splitlines(), x.splitlines(True), x.splitlines(keepends=1) == x.splitlines(True))
    table = cls.maketrans(b"abc", b"xyz")
    print(type(table).__name__, len(table), table[97:100], table[0], table[255])
    x = cls(b"aabbcc-abc")
    print(repr(x.translate(table)), repr(x.translate(None)), repr(x.translate(None, b"ab")))
    print(repr(x.translate(table, b"c")), repr(x.translate(table, delete=bytearray(b"-"))))
    print(repr(x.translate(bytearray(table))), repr(x.translate(bytes(range(256))[::-1], b"a")))
    print(repr(cls(b"\x00\xff").translate(bytes(range(256))[::-1])))
    x = cls(b"prefix-body-suffix")
    print(repr(x.removeprefix(b"prefix-")), repr(x.removeprefix(b"nope")), repr(x.removeprefix(b"")))
    print(repr(x.removesuffix(b"-suffix")), repr(x.removesuffix(bytearray(b"x"))), repr(x.removesuffix(b"")))
    print(repr(x.removeprefix(x)), repr(x.removesuffix(b"longer than prefix-body-suffix")))
    x = cls(b"xxhixx")
    print(repr(x.strip(b"x")), repr(x.lstrip(b"x")), repr(x.rstrip(bytearray(b"xi"))), repr(x.strip(None)))
    print(repr(cls(b" \t\n x \x0b\x0c\r").strip()), repr(x.strip(b"")), repr(cls(b"abcba").strip(b"ab")))
    print(repr(cls(b"ab").ljust(5, b"*")), repr(cls(b"ab").rjust(5, bytearray(b"-"))),
          repr(cls(b"ab").center(5, b".")), repr(cls(b"abc").center(6, b".")), repr(cls(b"ab").center(1)))

print("--- rsplit")
for s in [b"", b"   ", b"  a  b  c  ", b"a b c", b"abc"]:
    print(s.rsplit(), s.rsplit(None, 1), s.rsplit(maxsplit=0), s.split(None, 1), s.split(maxsplit=0))
print(b"aaa".rsplit(b"aa"), b"aaa".split(b"aa"), b"a,b,,c,".rsplit(b",", 2), b",a".rsplit(b","))
print(b"a--b--c".rsplit(b"--", 1), b"a--b--c".rsplit(sep=b"--", maxsplit=-5), b"abc".rsplit(b"abc"))
print(bytearray(b"a b c").rsplit(None, 1), bytearray(b"a.b").rsplit(bytearray(b".")))

print("--- errors")
t(lambda: b"a".ljust(5, "x"))
t(lambda: b"a".ljust(5, b"xy"))
t(lambda: b"a".rjust(5, b""))
t(lambda: b"a".center(5, 3))
t(lambda: bytearray(b"a").center(5, "xy"))
t(lambda: b"a".rjust("5"))
t(lambda: b"abc".strip(97))
t(lambda: b"abc".lstrip("a"))
t(lambda: b"abc".rstrip(b"a", b"b"))
t(lambda: b"abc".translate(b"x"))
t(lambda: b"abc".translate("x" * 256))
t(lambda: b"abc".translate(None, "b"))
t(lambda: b"abc".translate(None, None))
t(lambda: b"abc".translate(None, b"", b""))
t(lambda: bytes.maketrans(b"ab", b"c"))
t(lambda: bytes.maketrans("ab", b"cd"))
t(lambda: bytes.maketrans(b"ab", 12))
t(lambda: bytes.maketrans(b"ab"))
t(lambda: b"abc".removeprefix("a"))
t(lambda: b"abc".removesuffix(97))
t(lambda: b"abc".expandtabs("x"))
t(lambda: b"abc".expandtabs(4, 5))
t(lambda: b"abc".expandtabs(2 ** 40))
t(lambda: b"abc".splitlines(None))
t(lambda: b"abc".splitlines(1.5))
t(lambda: b"abc".splitlines(True, False))
t(lambda: b"abc".rsplit(b""))
t(lambda: b"abc".rsplit(1))
t(lambda: b"abc".rsplit("b"))
t(lambda: b"abc".rsplit(maxsplit="x"))
t(lambda: b"abc".rsplit(None, 1.0))

print("--- arity")
t(lambda: b"abc".find())
t(lambda: bytearray(b"abc").count(b"a", 0, 1, 2))
t(lambda: b"abc".startswith())
t(lambda: b"abc".endswith(b"c", 0, 3, 4))
