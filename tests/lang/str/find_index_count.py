s = "abracadabra"
print(s.find("bra"), s.find("bra", 2), s.find("xyz"), s.rfind("bra"), s.rfind("a", 0, 5))
print(s.index("cad"), s.rindex("a"), s.count("a"), s.count("bra"), s.count(""), s.count("a", 4))
print(s.find(""), s.find("", 20), "aaaa".count("aa"))
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("q")
except ValueError as e:
    print("ValueError:", e)
print("héllo wörld".find("ö"), "日本語テキスト".index("テ"))
