class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
lst = ["a", "b", "c", "d"]
print(lst[Idx(1)], lst[Idx(-1)], "xyz"[Idx(2)], hex(Idx(255)), bin(Idx(5)))
print(list(range(Idx(3))), lst[Idx(1):Idx(3)])
class Bag:
    def __init__(self, items):
        self.items = items
    def __contains__(self, x):
        print("contains?", x)
        return x in self.items
bag = Bag([1, 2])
print(1 in bag, 5 not in bag)
class IterOnly:
    def __iter__(self):
        return iter([10, 20])
print(20 in IterOnly(), 30 in IterOnly())
