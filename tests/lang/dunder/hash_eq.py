class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return isinstance(o, Key) and (self.a, self.b) == (o.a, o.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a}, {self.b})"
d = {Key(1, 2): "x"}
print(d[Key(1, 2)], Key(1, 2) in d, Key(2, 1) in d)
s = {Key(1, 1), Key(1, 1), Key(2, 2)}
print(len(s))
print(hash(Key(1, 2)) == hash(Key(1, 2)))
class AlwaysEqual:
    def __eq__(self, o):
        return True
    __hash__ = None
print(AlwaysEqual() == 5, 5 == AlwaysEqual(), [AlwaysEqual()].count(3), 3 in [AlwaysEqual()])
class Hash7:
    def __hash__(self):
        return 7
print(hash(Hash7()))
