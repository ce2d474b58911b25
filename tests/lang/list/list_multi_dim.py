n = 3
ident = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
print(ident)
m = [[1, 2, 3], [4, 5, 6]]
transposed = [list(r) for r in zip(*m)]
print(transposed)
flat = [x for row in m for x in row]
print(flat)
print([sum(r) for r in m], [sum(c) for c in zip(*m)])
def matmul(a, b):
    return [[sum(x * y for x, y in zip(r, c)) for c in zip(*b)] for r in a]
print(matmul(m, transposed))
