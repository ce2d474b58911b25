s = "  \tHello World\n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "..a..".lstrip("."), "..a..".rstrip("."))
print("hello world".upper(), "HeLLo".lower(), "hello world".title(), "hELLO wORLD".swapcase())
print("hello world".capitalize(), "HELLO".capitalize(), "o'neil's dog".title())
print("éCOLE".lower(), "ñandú".upper(), "ÀÉÎ".lower())
print("ABC".casefold(), "Hello".isupper(), "HELLO".isupper(), "hello".islower())
print("Title Case".istitle(), "Not title".istitle())
