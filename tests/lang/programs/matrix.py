# Matrix class with operator overloading, tuple indexing, slicing, iteration; fib by matrix power
class Matrix:
    def __init__(self, rows):
        rows = [list(r) for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = rows

    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])

    @classmethod
    def zeros(cls, n, m):
        return cls([[0] * m for _ in range(n)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __getitem__(self, key):
        if isinstance(key, tuple):
            i, j = key
            if isinstance(i, slice) or isinstance(j, slice):
                rows = self.rows[i] if isinstance(i, slice) else [self.rows[i]]
                return Matrix([r[j] if isinstance(j, slice) else [r[j]] for r in rows])
            return self.rows[i][j]
        return self.rows[key]

    def __setitem__(self, key, value):
        i, j = key
        self.rows[i][j] = value

    def __iter__(self):
        for r in self.rows:
            yield from r

    def __len__(self):
        return len(self.rows)

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __add__(self, other):
        if isinstance(other, (int, float)):
            return Matrix([[x + other for x in r] for r in self.rows])
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])

    __radd__ = __add__

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return Matrix([[x * k for x in r] for r in self.rows])

    def __rmul__(self, k):
        return self * k

    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError("matmul: inner dimensions differ (%d != %d)" % (m, m2))
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __pow__(self, e):
        result = Matrix.identity(len(self))
        base = self
        while e:
            if e & 1:
                result = result @ base
            base = base @ base
            e >>= 1
        return result

    @property
    def T(self):
        return Matrix(zip(*self.rows))

    def __repr__(self):
        return "Matrix(%r)" % (self.rows,)

    def __str__(self):
        width = max(len(str(x)) for x in self)
        return "\n".join("[" + " ".join(str(x).rjust(width) for x in r) + "]" for r in self.rows)


A = Matrix([[1, 2, 3], [4, 5, 6]])
B = Matrix([[7, 8], [9, 10], [11, 12]])
print(A @ B)
print(B @ A)
print(A.T == Matrix([[1, 4], [2, 5], [3, 6]]), A.shape, A.T.shape, len(B))
print(A[1, 2], A[0], A[:, 1:], A[1, :], A[::-1, ::2])
A[0, 0] = 100
print(repr(A), sum(A), max(A), list(A)[:4])
print(2 * A + 1, -A, sep="\n")
print(10 + A - A == A + 10 - A, A * 0.5)
fib = Matrix([[1, 1], [1, 0]])
for n in (10, 50, 100, 300):
    print(n, (fib ** n)[0, 1])
try:
    A @ A
except ValueError as e:
    print("ValueError:", e)
try:
    A + B
except ValueError as e:
    print("ValueError:", e)
try:
    A * "x"
except TypeError as e:
    print("TypeError:", e)
try:
    A @ 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    Matrix([[1], [2, 3]])
except ValueError as e:
    print(e)
I3 = Matrix.identity(3)
M = Matrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
print(M @ I3 == M, I3 @ M == M, (M ** 5)[1, 1], Matrix.zeros(2, 3))
print(str(M ** 3).splitlines(), 3 in M, 7 in M)
