import typing
from typing import Protocol, TypeVar, Generic, runtime_checkable, Iterable, Sized, Hashable, Deque, DefaultDict, Counter, OrderedDict, ChainMap
import collections
T = TypeVar('T')
T_co = TypeVar('T_co', covariant=True)
@runtime_checkable
class SupportsLen(Protocol):
    def __len__(self) -> int: ...
print(isinstance([], SupportsLen), isinstance(3, SupportsLen), issubclass(list, SupportsLen))
class Box(Protocol[T_co]):
    def get(self) -> T_co: ...
print(Box[int], Box.__parameters__)
class Impl(Box[int]):
    def get(self) -> int: return 1
print(Impl().get(), Impl.__mro__[1:3])
try:
    Box()
except TypeError as e:
    print(e)
print(Deque[int], DefaultDict[str, int], Counter[str], OrderedDict[str, int], ChainMap[str, int])
d: DefaultDict[str, list] = collections.defaultdict(list)
d['a'].append(1); print(dict(d))
print(isinstance(collections.deque(), Deque), isinstance(3, Hashable), isinstance([], Sized))
class Pair(Generic[T]):
    def __init__(self, a: T, b: T):
        self.a, self.b = a, b
    def swap(self) -> 'Pair[T]':
        return Pair(self.b, self.a)
p = Pair[int](1, 2).swap()
print(p.a, p.b, Pair[str].__origin__ is Pair, Pair[str].__args__)
try:
    class Bad(Generic[int]): pass
except TypeError as e:
    print(e)
try:
    class Bad2(Generic[T, T]): pass
except TypeError as e:
    print(e)
try:
    Pair[int, str]
except TypeError as e:
    print(e)
S = TypeVar('S', int, str)
B = TypeVar('B', bound='Pair')
print(S.__constraints__, B.__bound__, T.__name__, repr(T_co), T_co.__covariant__)
try:
    TypeVar('X', int)
except TypeError as e:
    print(e)
print(typing.Callable[[int, str], bool].__args__, typing.get_args(typing.Callable[..., int]))
print(typing.Optional[typing.Callable[[], None]])
print(typing.Dict[str, typing.List[typing.Tuple[int, float]]])
print(typing.Type[int], typing.Type[int].__origin__)
try:
    typing.List[int]()
except TypeError as e:
    print(e)
print(typing.Iterable[int].__origin__ is collections.abc.Iterable if hasattr(collections, 'abc') else True)
class MyList(typing.List[int]):
    pass
ml = MyList([3, 1]); ml.sort(); print(ml, isinstance(ml, list))
class MyDict(typing.Dict[str, int]): pass
print(MyDict(a=1))
print(typing.Union[int, str] | None, typing.Literal[1] | typing.Literal[2])
def annotated(x: typing.Annotated[int, 'positive']) -> None: pass
print(typing.get_type_hints(annotated), typing.get_type_hints(annotated, include_extras=True))
