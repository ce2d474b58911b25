# range() converts its arguments with __index__ to plain ints: an int
# subclass (IntEnum, bool, a user subclass) never leaks into the range.
from enum import IntEnum

class Size(IntEnum):
    SMALL = 3
    BIG = 10

class MyInt(int):
    def __repr__(self):
        return "MyInt(%d)" % int(self)

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

for r in (range(Size.SMALL), range(1, Size.BIG, Size.SMALL), range(True), range(False, True),
          range(MyInt(4)), range(MyInt(1), MyInt(9), MyInt(2)), range(Idx(5)), range(Idx(-2), Idx(2))):
    print(repr(r), type(r.start).__name__, type(r.stop).__name__, type(r.step).__name__, list(r), len(r))

r = range(Size.BIG)
print(r == range(10), hash(r) == hash(range(10)), r[Size.SMALL], r[MyInt(2)], r[-Size.SMALL])
print(r[Size.SMALL:Size.BIG], r.index(Size.SMALL), r.count(MyInt(4)), Size.SMALL in r)
for bad in (3.0, "3", None, Size):
    try:
        range(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    range(1, 5, False)
except ValueError as e:
    print("ValueError", e)

# indexing and slicing with int subclasses give plain ints and ranges too
print(type(r[Size.SMALL]).__name__, repr(r[Size.SMALL]), [type(x).__name__ for x in range(Size.SMALL)])
print(repr(r[Size.SMALL:Size.BIG]), repr(range(20)[Size.SMALL:]), repr(range(0, 10, True)))
print(repr(slice(Size.SMALL, Size.BIG)), type(r.index(Size.SMALL)).__name__, repr(next(reversed(range(Size.BIG)))))
