vals = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), {0}, None, True, False, range(0), range(1)]
print([bool(v) for v in vals])
class Always:
    def __bool__(self): return False
class WithLen:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class Plain:
    pass
print(bool(Always()), bool(WithLen(0)), bool(WithLen(3)), bool(Plain()))
if WithLen(2):
    print("len-based true")
print(not WithLen(0))
print(b"" or "empty bytes falsy", bool(b"\x00"))
