print(list(reversed(range(5))), list(reversed(range(1, 10, 3))))
for i in reversed(range(3)):
    print(i, end=" ")
print()
print(sum(range(101)), sum(range(1, 10, 2)), max(range(7)), min(range(2, 9)))
print(list(enumerate(range(10, 13))), list(zip(range(3), range(3, 0, -1))))
