tests = ["123", "12.3", "abc", "ABC", "abc123", "", " ", "\t\n", "Ab", "ñ", "a b", "x1 "]
for t in tests:
    print(repr(t), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower())
print("abc".isidentifier(), "1abc".isidentifier(), "_x1".isidentifier())
print("abc".isascii(), "é".isascii(), "hello\x7f".isprintable(), "hi\n".isprintable())
