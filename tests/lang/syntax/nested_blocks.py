def search(grid, target):
    for r, row in enumerate(grid):
        for c, val in enumerate(row):
            if val == target:
                return r, c
    return None
g = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(search(g, 6), search(g, 10))
result = []
for i in range(4):
    j = 0
    while j < i:
        if (i + j) % 3 == 0:
            j += 1
            continue
        try:
            if j == 2:
                raise ValueError(i)
            result.append((i, j))
        except ValueError as e:
            result.append(("err", e.args[0]))
        finally:
            j += 1
print(result)
