x = 5
print(-x, +x, ~x, not x)
print(-(-x), -0, -0.0, +(-2.5))
print(not None, not "", not "a", not [0])
class N:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
n = N()
print(-n, +n, ~n)
print(-True, ~True, +False)
