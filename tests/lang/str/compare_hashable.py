print("a" < "b", "B" < "a", "abc" < "abcd", "" < " ", "é" > "z")
print(sorted(["banana", "Apple", "cherry", "apple"]))
print(sorted(["banana", "Apple", "cherry", "apple"], key=str.lower))
print("abc" == "ab" + "c", "abc" is not None)
d = {"x": 1, "y": 2}
print(d["x"], "y" in d)
print(max(["aa", "b", "ab"]), min(["aa", "b", "ab"]))
print(hash("abc") == hash("ab" + "c"))
