total = 0
for i in range(1, 6):
    total += i * i
print(total)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"))
r = range(3)
print([x for x in r], [x for x in r])
for i in range(10, 0, -4):
    print(i)
print(list(map(str, range(4))))
