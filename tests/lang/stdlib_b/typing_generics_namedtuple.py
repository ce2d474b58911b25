import typing
from typing import (Any, Callable, ClassVar, Dict, Final, FrozenSet, Generic, Iterable, Iterator,
                    List, Literal, Mapping, NamedTuple, Optional, Protocol, Sequence, Set, Tuple,
                    Type, TypeVar, TypedDict, Union, cast, overload, final, TYPE_CHECKING)
if TYPE_CHECKING:
    import nonexistent_module
T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int]()
s.push(3); s.push(4)
print(s.pop(), s.items, Stack.__parameters__, type(s).__name__)
class Cache(Generic[K, V]):
    def __init__(self):
        self.d: Dict[K, V] = {}
print(Cache[str, int], Cache.__mro__)
def apply(f: Callable[[int], int], xs: Iterable[int]) -> Iterator[int]:
    for x in xs:
        yield f(x)
print(list(apply(lambda v: v * 2, [1, 2])))
print(apply.__annotations__)
class Employee(NamedTuple):
    name: str
    id: int = 3
    def greet(self) -> str:
        return 'hi ' + self.name
e = Employee('bob')
print(e, e.greet(), e._asdict(), Employee._fields, Employee.__annotations__, e[0], tuple(e))
n, i = e
print(n, i, e == ('bob', 3), Employee('x', 1) < Employee('y', 0))
Pt = NamedTuple('Pt', [('x', int), ('y', int)])
print(Pt(1, 2), Pt._make([3, 4]), Pt(1, 2)._replace(y=5), hash(Pt(1, 2)) == hash((1, 2)))
class Movie(TypedDict, total=False):
    title: str
    year: int
m: Movie = {'title': 'x'}
print(m, Movie(title='y'), Movie.__total__, sorted(Movie.__optional_keys__))
class Closeable(Protocol):
    def close(self) -> None: ...
class Res:
    def close(self) -> None:
        print('closed')
def shut(x: Closeable) -> None:
    x.close()
shut(Res())
print(cast(List[int], 'abc'), cast('int', 3))
@overload
def dbl(x: int) -> int: ...
@overload
def dbl(x: str) -> str: ...
def dbl(x):
    return x * 2
print(dbl(2), dbl('a'))
MAX: Final = 10
Mode = Literal['r', 'w']
print(Mode, Final[int], ClassVar[List[int]], Type[Stack], FrozenSet[int], Set[str], Sequence[int], Mapping[str, Any])
print(Union[int, str].__args__, Optional[int].__args__, Callable[[int], str].__args__, Tuple[int, ...].__args__)
print(typing.get_args(Literal['r', 'w']), typing.get_origin(Literal['r']), typing.get_origin(Optional[int]) is Union)
JSON = Union[Dict[str, 'JSON'], List['JSON'], str, int, float, bool, None]
print(JSON)
Vector = List[float]
def scale(scalar: float, vector: Vector) -> Vector:
    return [scalar * num for num in vector]
print(scale(2.0, [1.0, -4.2]))
UserId = typing.NewType('UserId', int)
print(UserId(524313), UserId.__supertype__)
print(isinstance([], Iterable), isinstance(3, Iterable), isinstance({}, Mapping), isinstance([], Sequence), isinstance(iter([]), Iterator), callable(Callable), isinstance(len, Callable))
class Node:
    def __init__(self, nxt: 'Optional[Node]' = None): self.nxt = nxt
print(typing.get_type_hints(Node.__init__))
print(Any, repr(Any), typing.NoReturn, typing.AnyStr)
@final
class Leaf: pass
print(Leaf.__final__)
