for n in [0, 1, 2, 3, 255, 256, -1, -256, 2 ** 64, 2 ** 64 - 1, -(2 ** 100)]:
    print(n, n.bit_length())
print((10 ** 100).bit_length())
print((1).bit_length(), (-1).bit_length())
print(int.bit_length(1023))
