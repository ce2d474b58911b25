for x in [1, 2, 3]:
    print(x)
for ch in "héllo":
    print(ch, end="|")
print()
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
for i in range(3):
    pass
else:
    print("for-else", i)
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for _ in []:
    print("never")
else:
    print("empty else")
total = 0
for i in range(3):
    for j in range(3):
        if j > i:
            break
        total += 10 * i + j
print(total)
