b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.upper(), b.lower())
print(b.split(), b"a,b,c".split(b","), b",".join([b"x", b"y"]))
print(b.find(b"World"), b.find(b"zz"), b.index(b"o"), b.count(b"l"))
print(b.replace(b"l", b"L"), b.startswith(b"  H"), b.endswith(b"  "))
print(b"abc".hex(), bytes.fromhex("deadbeef"), bytes.fromhex("00 ff"))
print(b"key=val".partition(b"="), b"12".isdigit(), b"ab".isalpha(), b"A b".isupper())
print(b"hello".center(9, b"*"), b"7".zfill(3), b"a b".title(), b"abc".capitalize())
print(b"x\ny\n".splitlines(), b"a-b".split(b"-", 1))
