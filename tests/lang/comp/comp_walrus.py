data = [4, 9, 16, 25, 3]
roots = [r for n in data if (r := int(n ** 0.5)) ** 2 == n]
print(roots, r)
totals = [total := 0] + [total := total + v for v in [1, 2, 3, 4]]
print(totals, total)
print([y for x in range(6) if (y := x * x) % 2 == 0])
