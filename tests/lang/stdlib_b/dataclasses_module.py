from dataclasses import *
from typing import List, ClassVar
import dataclasses
@dataclass
class P:
    x: int
    y: int = 0
    z: List[int] = field(default_factory=list, repr=False)
    c: ClassVar[int] = 5
print(P(1), P.__init__.__annotations__, P.__doc__, P.__hash__, P.c, P(1) == P(1), P(1) == P(2), P(1, 2, [3]).z)
print(fields(P)[2].name, fields(P)[2].default_factory, fields(P)[2].repr, len(fields(P)), fields(P)[0].type)
@dataclass(frozen=True, order=True)
class F:
    a: int
    b: str = 'x'
f = F(1)
try: f.a = 2
except FrozenInstanceError as e: print(repr(e), isinstance(e, AttributeError))
try: del f.a
except FrozenInstanceError as e: print(repr(e))
print(hash(f) == hash((1, 'x')), F(1) < F(2), F(1, 'a') <= F(1, 'b'), F.__match_args__, sorted([F(3), F(1), F(2)]))
try: F(1) < 3
except TypeError as e: print(e)
try:
    @dataclass
    class Bad:
        a: list = []
except ValueError as e: print(e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e: print(e)
try: P()
except TypeError as e: print(e)
try: P(1, 2, 3, 4)
except TypeError as e: print(e)
@dataclass(slots=True)
class S:
    a: int
    b: int = 2
s = S(1)
print(S.__slots__, s, hasattr(s, '__dict__'), s.a, s.b)
try: s.c = 5
except AttributeError as e: print('no attr c')
@dataclass(slots=True, frozen=True)
class SF:
    a: int
sf = SF(3)
try: sf.a = 1
except FrozenInstanceError as e: print(e)
print(sf, hash(sf) == hash((3,)))
print(replace(f, b='q'), asdict(P(1, 2, [3])), astuple(P(1)))
print(make_dataclass('MD', ['a', ('b', int), ('c', int, field(default=3))])(1, 2))
@dataclass
class PI:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(PI(4), is_dataclass(PI), is_dataclass(PI(1)), is_dataclass(1))
@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Derived(Base):
    z: int = 5
    x: int = 10
print(Derived(), Derived(1, 2, 3), [f.name for f in fields(Derived)])
@dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), NE.__hash__ is object.__hash__)
@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: int = field(hash=False, default=0)
print(hash(UH(1, 2)) == hash((1,)))
@dataclass
class Nest:
    p: P
    items: list = field(default_factory=list)
print(asdict(Nest(P(1), [P(2)])), astuple(Nest(P(1))))
@dataclass
class Rec:
    val: int
    kids: list = field(default_factory=list, compare=False)
r = Rec(1); r.kids.append(r)
print(r, Rec(1) == Rec(1, [2]))
@dataclass(repr=False)
class NR:
    a: int
print(type(repr(NR(1))).__name__, 'NR object' in repr(NR(1)))
@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 0
    c: int = field(default=2, kw_only=True)
print(KW(1, b=3), KW.__match_args__)
try: KW(1, 2)
except TypeError as e: print(e)
@dataclass
class IV:
    a: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.a *= scale
print(IV(3), IV(3, 10), [f.name for f in fields(IV)])
print(fields(P)[1].default)
try: fields(1)
except TypeError as e: print(e)
try: replace(PI(1), b=2)
except ValueError as e: print(e)
