s = "héllo wörld ñ 日本 😀"
print(len(s), s[1], s[-1], s[6:11], s[::-1])
print([c for c in "naïve"])
print(ord("é"), ord("日"), ord("😀"), chr(233), chr(0x65e5), chr(128512))
print("é" == "\u00e9", "日本"[1], len("😀😀"))
print(s.upper())
print("Ωmega".lower(), "σ".upper())
for i, c in enumerate("añb"):
    print(i, c, ord(c))
print(sorted("éaZb"))
print("ü" > "u", max("héllo"), min("héllo"))
