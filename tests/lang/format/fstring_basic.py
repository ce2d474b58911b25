name = "World"
n = 42
print(f"Hello, {name}!")
print(f"{n} + 1 = {n + 1}")
print(f"{name.upper()} {len(name)} {name[::-1]}")
print(f"{'nested quotes'} {[1, 2][0]} {{literal braces}}")
d = {"k": "v"}
print(f"{d['k']} {d}")
print(f"{3 * 4:>5}|{'x' * 3}")
print(f"a{1}b{2}c{3}d", f"", f"{''}")
print(f"{n!r} {name!r} {name!s} {'é'!a} {[name]!a}")
print(f"""multi
line {n}""")
print(F"capital {n}", rf"raw \n {n}", fr"{n}\t")
