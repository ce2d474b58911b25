from enum import Enum, verify, UNIQUE, CONTINUOUS, EnumCheck, IntEnum
@verify(UNIQUE)
class A(Enum):
    X = 1
    Y = 2
print(list(A))
try:
    @verify(UNIQUE)
    class B(Enum):
        X = 1
        Y = 1
except ValueError as e:
    print(e)
try:
    @verify(CONTINUOUS)
    class C(IntEnum):
        X = 1
        Y = 3
except ValueError as e:
    print(e)
print(repr(UNIQUE), EnumCheck.UNIQUE.value)
