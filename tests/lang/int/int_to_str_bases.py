for n in [0, 1, 255, -255, 2 ** 70, -(2 ** 33)]:
    print(n, bin(n), oct(n), hex(n))
print(str(10 ** 40), repr(-12))
print(format(255, "x"), format(255, "X"), format(255, "#o"), format(5, "08b"))
print(f"{2**64:x}", f"{-42:#x}", f"{1234567:,}", f"{1234567:_}")
print(f"{12345678901234567890:,}")
