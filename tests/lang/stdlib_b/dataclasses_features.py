from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, InitVar, is_dataclass, make_dataclass, MISSING
import dataclasses
from typing import List, Dict, ClassVar
@dataclass
class Inventory:
    name: str
    unit_price: float
    quantity_on_hand: int = 0
    def total_cost(self) -> float:
        return self.unit_price * self.quantity_on_hand
item = Inventory('widget', 3.0, 10)
print(item, item.total_cost(), Inventory.__eq__(item, item), Inventory.__hash__)
@dataclass(frozen=True)
class Point:
    x: float
    y: float
    def dist(self): return (self.x ** 2 + self.y ** 2) ** 0.5
p = Point(3, 4)
print(p, p.dist(), {p: 1}, p == Point(3, 4), p is not Point(3, 4))
try:
    p.z = 1
except FrozenInstanceError as e:
    print(type(e).__name__, e)
@dataclass
class C:
    a: int
    b: List[int] = field(default_factory=list)
    c: int = field(default=5, repr=False)
    d: int = field(default=0, compare=False)
    e: int = field(init=False, default=9)
    k: ClassVar[str] = 'cls'
print(C(1), C(1, [2]) == C(1, [2], d=7), C(1).e, C.k, [f.name for f in fields(C)])
print(dataclasses.fields(C)[1].default is MISSING, fields(C)[2].default)
print(asdict(C(1, [1, 2])), astuple(C(2)))
print(replace(C(1), a=5))
@dataclass
class D(C):
    f: int = 1
print(D(1), D(1).f, [x.name for x in fields(D)])
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), max(vs), Version(1) <= Version(1, 0), Version(2) > Version(1, 5))
@dataclass
class WithPost:
    w: int
    h: int
    area: int = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
print(WithPost(2, 3))
@dataclass
class Init:
    x: int
    factor: InitVar[int] = 1
    def __post_init__(self, factor):
        self.x *= factor
print(Init(2, 5), Init(2))
@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 0
    def total(self): return self.x + self.y
sl = Slotted(1, 2)
print(sl, sl.total(), Slotted.__slots__, '__dict__' in dir(sl))
try:
    sl.z = 3
except AttributeError:
    print('AttributeError on new attribute')
@dataclass(eq=False)
class Ident:
    v: int
a = Ident(1)
print(a == Ident(1), a == a, hash(a) == hash(a))
@dataclass(unsafe_hash=True)
class H:
    v: int
print(hash(H(1)) == hash((1,)), len({H(1), H(1)}))
@dataclass
class Mutable:
    v: int
print(Mutable.__hash__)
try:
    hash(Mutable(1))
except TypeError as e:
    print(e)
print(is_dataclass(Mutable), is_dataclass(Mutable(1)), is_dataclass(int))
Pos = make_dataclass('Pos', [('x', int), ('y', int, field(default=0))], namespace={'norm': lambda self: abs(self.x) + abs(self.y)})
print(Pos(3, -4), Pos(3, -4).norm())
@dataclass
class Tree:
    val: int
    children: List['Tree'] = field(default_factory=list)
t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
print(t)
print(asdict(t))
@dataclass
class Defaults:
    a: int = 1
    b: str = 'x'
    c: tuple = (1, 2)
print(Defaults(), Defaults.a, Defaults.c)
try:
    @dataclass
    class Bad:
        x: dict = {}
except ValueError as e:
    print(e)
try:
    Inventory()
except TypeError as e:
    print(e)
try:
    Inventory('a', 1.0, 2, 3)
except TypeError as e:
    print(e)
try:
    Inventory('a', 1.0, bogus=1)
except TypeError as e:
    print(e)
@dataclass
class Kw:
    a: int
    b: int = field(kw_only=True, default=2)
print(Kw(1, b=3), Kw(1))
@dataclass(kw_only=True)
class AllKw:
    a: int
    b: int = 0
print(AllKw(a=1))
try:
    AllKw(1)
except TypeError as e:
    print(e)
import inspect
print(inspect.signature(Kw), inspect.signature(AllKw), inspect.signature(Init))
print(C.__doc__, Point.__doc__)
print(Point.__match_args__, C.__match_args__)
print(repr(fields(Point)[0]).split(',')[0])
