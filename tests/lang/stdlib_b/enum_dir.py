from enum import Enum, IntEnum, Flag
class Color(Enum):
    RED = 1
    GREEN = 2
    def meth(self): pass
    @property
    def p(self): return 1
print(dir(Color))
print(dir(Color.RED))
class N(IntEnum):
    A = 1
print('A' in dir(N), 'bit_length' in dir(N), dir(N.A)[-5:])
class F(Flag):
    X = 1
print(dir(F))
