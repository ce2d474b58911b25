from enum import Enum, IntFlag, Flag, auto, unique, IntEnum
import enum
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
RWX = Perm.R | Perm.W | Perm.X
print(repr(RWX), str(RWX), format(RWX), RWX == 7, Perm(5), repr(Perm(0)), list(RWX), Perm.R in RWX)
print(repr(Perm.R & 6), Perm.W ^ Perm.X, 2 | Perm.X, repr(2 | Perm.X))
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print(repr(Color.WHITE), list(Color), repr(Color.RED | Color.BLUE), repr(~Color.RED), Color(7) is Color.WHITE, bool(Color(0)))
print(len(Color), Color.__members__.keys() if False else list(Color.__members__))
class Weekday(Enum):
    MON = 1
    TUE = 2
    @classmethod
    def from_str(cls, s):
        return cls[s.upper()]
    def next(self):
        members = list(type(self))
        return members[(members.index(self) + 1) % len(members)]
print(Weekday.from_str('mon'), Weekday.MON.next(), Weekday.TUE.next(), Weekday.MON.value)
print(isinstance(Weekday.MON, Enum), issubclass(Weekday, Enum), type(Weekday.MON) is Weekday)
d = {Weekday.MON: 'm'}; print(d)
print(sorted(Weekday, key=lambda w: w.value, reverse=True))
print([w.name for w in Weekday], Weekday(2).name, getattr(Weekday, 'TUE'))
class Mood(Enum):
    HAPPY = 'h'
    SAD = 's'
    def __str__(self): return self.value
    @property
    def opposite(self): return Mood.SAD if self is Mood.HAPPY else Mood.HAPPY
print(Mood.HAPPY, Mood.HAPPY.opposite, repr(Mood('s')), f'{Mood.SAD}')
try:
    Mood.HAPPY.value = 'x'
except AttributeError as e:
    print('AttributeError')
try:
    del Mood.HAPPY
except AttributeError as e:
    print('AttributeError del')
class Status(str, Enum):
    OK = 'ok'
    FAIL = 'fail'
print(Status.OK == 'ok', Status('fail'), Status.OK.upper(), sorted([Status.OK, Status.FAIL]), Status.OK + '!')
import json
print(hash(Status.OK) == hash('ok'))
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + Num.TWO, Num.TWO * 3, [1, 2, 3][Num.ONE], list(range(Num.TWO)), Num(1) == 1, {1: 'a'}[Num.ONE], int(Num.TWO), float(Num.ONE))
print(Num.__members__['ONE'], list(Num.__members__.items()))
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.ANT.value, Animal(2), Animal.__name__)
A2 = IntEnum('A2', ['x', 'y'], start=10)
print(list(A2), A2.y + 1)
class Pl(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(round(Pl.EARTH.surface_gravity, 3), Pl((3.303e+23, 2.4397e6)))
class Ordered(Enum):
    def __lt__(self, other):
        if self.__class__ is other.__class__:
            return self.value < other.value
        return NotImplemented
    A = 3
    B = 1
print(sorted(Ordered), Ordered.A.__class__.__mro__)
class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2
print(Shape.ALIAS_FOR_SQUARE, Shape(2), list(Shape), Shape['ALIAS_FOR_SQUARE'])
print(Shape.SQUARE.name, Shape.ALIAS_FOR_SQUARE.name, len(Shape.__members__))
