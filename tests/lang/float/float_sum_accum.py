import math
vals = [0.1] * 10
print(sum(vals), math.fsum(vals))
print(sum([1e100, 1.0, -1e100, 1.0]), math.fsum([1e100, 1.0, -1e100, 1.0]))
acc = 0.0
for i in range(1, 11):
    acc += 1 / i
print(acc)
print(sum(x * x for x in [0.5, 1.5, 2.5]))
mean = sum([2.5, 3.5, 9.0]) / 3
print(mean, round(mean, 3))
total = 1.0
for i in range(20):
    total *= 1.1
print(total)
