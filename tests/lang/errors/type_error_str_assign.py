s = "hello"
s[0] = "j"
