a = [1, 2]
b = [3]
print(a + b, a * 2, 2 * b, [] * 5, [0] * 0)
print(a == [1, 2], a != b, a < b, [1, 2, 3] > [1, 2])
c = [[]] * 3
c[0].append(1)
print(c)
print(len(a + b + a), (a + b).count(1))
print([1, 2, 3][1:], [1, 2, 3][::-1])
