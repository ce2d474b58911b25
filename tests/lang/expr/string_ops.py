s = "abc"
print(s + "def", s * 3, 3 * s, s * 0, s * -1 == "")
print(s[0], s[-1], s[1:], s[::-1])
print("a" < "b", "abc" == "abc", "A" + "é" * 2)
print(len("héllo"), "é" * 3)
print("%s-%d" % ("x", 5))
print("-".join(["a", "b"]) + "!")
print("ab" in "cab", "abc".upper() == "ABC")
