print([chr(c) for c in range(65, 71)], [ord(c) for c in "az09"])
print(ord("\n"), chr(10) == "\n", chr(0x1F600), ord("😀"), hex(ord("😀")))
print(hex(0), hex(4096), oct(64), bin(10), hex(2 ** 64), bin(-10))
print(int(hex(12345), 16), int(oct(99), 8), int(bin(77), 2))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
