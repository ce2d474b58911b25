s = "the rain in spain"
print("rain" in s, "Rain" in s, "" in s, "spain" in s, "ain in" in s)
words = s.split()
print([w for w in words if "ai" in w])
print("ñ" in "España", "a" not in "xyz")
try:
    1 in "abc"
except TypeError as e:
    print("TypeError:", e)
