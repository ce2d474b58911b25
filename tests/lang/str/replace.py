s = "one two one two one"
print(s.replace("one", "1"))
print(s.replace("one", "1", 2))
print(s.replace("xyz", "!"))
print("aaa".replace("a", "bb"), "abc".replace("", "-"))
print("hello".replace("l", ""), "café".replace("é", "e"))
print(s.replace("one", "one one", 1))
