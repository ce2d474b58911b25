x = 5
print(x.bit_length())
x.nonexistent_method_qq()
