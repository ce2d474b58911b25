# int()/float() string parsing and underscores in numeric literals.
print(int(" 4"), int("0x1f", 16), int("0x1f", 0), float(" 1e3 "), int(" -7\n"))
print(int("1_000"), float("1_0.5"), int("0b101", 0), int("0o17", 8), int("z", 36))
print(int("+12"), float("-inf"), float(" nan ") != float("nan"), float("1E-3"))
for bad in ["", " ", "1 2", "0x", "1__0", "_1", "1_", "0x1f", "١٢"]:
    try:
        print(repr(bad), int(bad))
    except ValueError as e:
        print("ValueError:", e)
for bad in ["x1", "1e", "1__0.5", ""]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError:", e)

print(1_000_000, 0x_ff, 0b1_01, 0o7_7, 1_0.5_0, 1e1_0, 0xDEAD_BEEF, 1_2.3_4e5_6)
for src in ["1__0", "1_", "0x_", "1_.5", "1._5", "0b12", "09", "1e_5", "0_7",
            "1.5_", "0b_", "0o8", "00", "0_0", "1e", "0x_1", "0b1_", "1_e5"]:
    try:
        v = eval(src)
        print("ok", src, v)
    except SyntaxError as e:
        print(src, "->", e.msg)
