class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __isub__(self, x):
        self.items.remove(x)
        return self
    def __imul__(self, k):
        self.items = self.items * k
        return self
acc = Acc()
orig = acc
acc += 1
acc += 2
acc -= 1
acc *= 3
print(acc.items, acc is orig)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
o = OnlyAdd(1)
o2 = o
o += 5
print(o.v, o2.v, o is o2)
