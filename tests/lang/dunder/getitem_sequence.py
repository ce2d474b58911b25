class Squares:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i
s = Squares(6)
print(s[2], s[-1], s[1:4], s[::2], len(s))
print(list(s), 16 in s, 15 in s)
for v in s:
    print(v, end=" ")
print()
print(sorted(s, reverse=True), sum(s), list(reversed(s)))
a, b, *c = Squares(4)
print(a, b, c)
