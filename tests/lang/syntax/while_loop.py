i = 0
while i < 5:
    print(i, end=" ")
    i += 1
print()
n = 0
while True:
    n += 1
    if n == 3:
        continue
    if n > 6:
        break
    print("n", n)
k = 0
while k < 3:
    k += 1
else:
    print("while-else ran, k =", k)
k = 0
while k < 10:
    k += 1
    if k == 2:
        break
else:
    print("not printed")
print("done", k)
