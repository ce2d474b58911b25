from enum import *
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(repr(Color.RED), str(Color.RED), Color.CRIMSON, list(Color), Color.__members__, len(Color), Color(1), Color['GREEN'])
print(repr(Color), format(Color.RED), f'{Color.RED}', f'{Color.RED:>10}', hash(Color.RED)==hash('RED'), Color.RED.name, Color.RED._value_)
try: Color(7)
except ValueError as e: print(e)
try: Color['X']
except KeyError as e: print(repr(e))
class N(IntEnum):
    A = 1
    B = 2
print(repr(N.A), str(N.A), N.A + 1, N.A == 1, f'{N.B}', format(N.B, '03d'), N.A < N.B, sorted([N.B, N.A]))
class P(Flag):
    R = 4
    W = 2
    X = 1
print(repr(P.R|P.W), str(P.R|P.W), P(0), repr(P(0)), P.R in (P.R|P.W), bool(P(0)), list(P.R|P.X), repr(~P.R))
class IP(IntFlag):
    R = 4
    W = 2
print(repr(IP.R|IP.W), str(IP.R|IP.W), IP.R | 8, repr(IP.R|8), IP.R + 1)
class A(Enum):
    X = auto()
    Y = auto()
print(A.X.value, A.Y.value, repr(A.Y))
class S(str, Enum):
    a = 'aa'
print(repr(S.a), str(S.a), S.a == 'aa', f'{S.a}')
try:
    @unique
    class U(Enum):
        a = 1
        b = 1
except ValueError as e: print(e)
try: Color.RED = 5
except AttributeError as e: print(e)
try: Color.RED.value = 5
except AttributeError as e: print(e)
print(Color.RED is Color(1), Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED in Color, 1 in Color if False else '')
try: Color.RED < Color.GREEN
except TypeError as e: print(e)
print(type(Color), type(Color.RED), isinstance(Color.RED, Color))
class M(Enum):
    A = 1
    def describe(self): return self.name.lower()
    @property
    def double(self): return self.value * 2
    @classmethod
    def first(cls): return list(cls)[0]
print(M.A.describe(), M.A.double, M.first())
F = Enum('F', 'a b c'); print(list(F), F.a.value)
G = Enum('G', [('x', 10), ('y', 20)]); print(list(G))
print(Color.RED.__class__.__name__, repr(Color.__members__['CRIMSON']))
try:
    class E2(Color): pass
except TypeError as e: print(e)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
class StrE(StrEnum):
    A = auto()
print(repr(StrE.A), StrE.A)
print({Color.RED: 1}[Color.RED], Color._member_names_, Color._value2member_map_)
print(list(reversed(Color)))
print(repr(~IP.R), repr(IP(8)), repr(P.R & P.W), repr(P.R ^ P.W))
try: P(8)
except ValueError as e: print(str(e).splitlines()[0])
class FA(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B
print(list(FA), FA.AB, FA(3), FA.A | FA.B is FA.AB, len(FA.AB), FA.__members__.keys())
class Shape(Enum):
    SQUARE = 2
    def __str__(self): return 'shape ' + self.name
print(Shape.SQUARE, repr(Shape.SQUARE))
class Mis(Enum):
    A = 1
    @classmethod
    def _missing_(cls, v): return cls.A
print(Mis(99))
class Ord(IntEnum):
    LOW = auto()
    HIGH = auto()
print(max(Ord), Ord.HIGH > Ord.LOW, Ord(2), Ord.LOW.value, int(Ord.HIGH), [o.name for o in Ord])
print(Color.RED.__hash__() == hash('RED'), Color.__name__, Color.RED.__class__ is Color, Color.__members__ == dict(Color.__members__))
