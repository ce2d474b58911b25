x = 10
name = "tandem"
print(f"{x=}")
print(f"{x = }")
print(f"{x*2=}")
print(f"{name=}")
print(f"{name=!s}")
print(f"{x=:5}|")
print(f"{3.5=:.2f}")
items = [1, 2]
print(f"{len(items)=} {items[0]=}")
