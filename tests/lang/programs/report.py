# Formatting-heavy report: f-strings with widths/alignment/precision, str.format, % formatting
rows = [("Widget", 4, 3.5, 0.0), ("Gadget with a long name", 12, 19.999, 0.15),
        ("Doohickey", 1, 1234.5, 0.075), ("Thing", 0, 0.005, 1.0), ("Ünïcödé", 7, -2.25, 0.5)]

print(f"{'Item':<20}|{'Qty':>5}|{'Price':>10}|{'Disc':>6}|{'Total':>12}")
print("-" * 20 + "+" + "-" * 5 + "+" + "-" * 10 + "+" + "-" * 6 + "+" + "-" * 12)
grand = 0
for name, qty, price, disc in rows:
    total = qty * price * (1 - disc)
    grand += total
    short = name if len(name) <= 20 else name[:17] + "..."
    print(f"{short:<20}|{qty:>5d}|{price:>10.2f}|{disc:>6.1%}|{total:>12,.3f}")
print(f"{'TOTAL':>20}|{'':>5}|{'':>10}|{'':>6}|{grand:>12,.3f}")
print()

w = 10
for v in (0, 1, -1, 3.14159, -2.5e-5, 1e21, 12345678.9, float("inf"), float("nan")):
    print(f"[{v:{w}}] [{v!r:^{w + 2}}] [{v:<{w}.3g}] [{v:+.2e}] [{v:010.2f}]")
for n in (0, 7, 255, -255, 65535, 2 ** 40):
    print(f"{n:d} {n:#x} {n:#o} {n:#b} {n:_d} {n:,} {n:X} {n:>+8} {n:^9} {n:08d}")
print("{0} {1} {0}".format("a", "b"), "{name}={value:.3f}".format(name="x", value=2 / 3))
print("{:>8}|{:<8}|{:^8}|{:*^8}".format("r", "l", "c", "s"), "{!r} {!s} {!a}".format("é", "é", "é"))
print("{0[1]} {0[0]} {1.real} {d[key]}".format([10, 20], 3, d={"key": "v"}))
print("%s %r %d %5.2f %-6s| %x %o %e %g %c %%" % ("s", "r", 42, 3.14159, "ab", 255, 8, 12345.678, 0.00001, 65))
print("%(a)s-%(b)03d" % {"a": "x", "b": 7}, "%5s|%-5s|" % ("ab", "cd"), "%.3s" % "abcdef", "%+d % d" % (5, 5))
print("%i %u %X %#x %#o %.0f %.1f" % (3, 4, 3054, 255, 8, 2.5, 0.05), "%*d|%-*d|" % (5, 42, 4, 7))
print(format(1234567.891, ",.2f"), format(0.5, "%"), format(42, "c"), format("x", ">3"), format(3, ""))
print(f"{3.0:g} {1e-5:g} {123456789.0:g} {0.0001234:.2g} {100.0:.0f} {2.675:.2f} {1.5:.0f} {2.5:.0f}")
print(f"{'nested':{'>' if True else '<'}{12}}", f"{{literal}}", f"{1 + 1 = }", f"{'a' 'b'}")
name, items = "Report", ["x", "y"]
print(f"{name!r:>12} {len(items):03} {items!s} {items[0].upper()}{items[-1] * 3}")
print(str(1.0), str(1e100), repr(1.1), str(-0.0), 1e-4, 123e-10, 1 / 7, 2 ** 0.5 * 1e15, 9007199254740993.0)
print(round(1234.5678, -2), round(0.1 + 0.2, 15), 10 / 4, 10 // 4, -7 // 2, -7 % 3, 7.5 % -2, divmod(-7, 2))
table = {"alpha": 1.5, "beta": 22.25, "gamma": 333.125}
width = max(map(len, table))
for k, v in sorted(table.items(), key=lambda kv: kv[1], reverse=True):
    print(f"  {k.ljust(width, '.')}{v:>10.3f}", "%-*s=%8.2f" % (width, k, v))
print("|".join(s.center(7) for s in ("a", "bb", "ccc")), "tab\there".expandtabs(8), repr("a\tb"))
print(f"{12.5:>10.1%}", f"{-0.0:+}", f"{1_000_000:_}", f"{0xff:08b}", f"{3:{'>'}{5}}", f"{'é':^5}|")
