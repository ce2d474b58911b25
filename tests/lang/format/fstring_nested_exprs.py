items = ["a", "b", "c"]
print(f"{', '.join(items)}")
print(f"{[x.upper() for x in items]}")
print(f"{ {'k': 1}['k'] }")
print(f"{'yes' if len(items) > 2 else 'no'}")
print(f"{(lambda q: q * 2)(21)}")
val = 7
print(f"{f'{val:03}':>6}|")
print(f"{val!r:>5}|{str(val):*<4}|")
print(f"{items[-1]!r}{len(items):2d}")
