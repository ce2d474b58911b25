from typing import *
import typing
T=TypeVar('T', bound=int); S=TypeVar('S', covariant=True); print(T, S, T.__bound__, repr(TypeVar('U', int, str)))
try: Generic[int]
except TypeError as e: print(e)
class B(Generic[T]): pass
try: B[int, str]
except TypeError as e: print(e)
try: isinstance(1, List[int])
except TypeError as e: print(e)
try: isinstance(1, Any)
except TypeError as e: print(e)
try: Optional()
except TypeError as e: print(e)
try: List()
except TypeError as e: print(e)
print(isinstance([], List), Callable, Callable[[], None], Union[int, Union[str, int]], Optional[Union[int, str]])
print(Annotated[int, 'x'], Tuple, Tuple[int], Dict[str, Tuple[int, ...]], Type, Literal['a'], Union[int, str] == Union[str, int])
print(typing.Iterable, typing.Generator[int, None, None], typing.NoReturn, typing.Self)
class P(NamedTuple):
    x: int
    y: int = 0
    def total(self): return self.x + self.y
p = P(1); print(p, P._fields, P._field_defaults, p._replace(x=5), p._asdict(), P.__annotations__, p.total())
print(p.x, p[1], len(p), p == (1, 0), isinstance(p, tuple), P.__name__, P.__qualname__)
try: P()
except TypeError as e: print(e)
try: p.x = 3
except AttributeError as e: print(e)
PP = NamedTuple('PP', [('a', int), ('b', str)]); print(PP(1, 'x'), type(PP), PP.__mro__)
PK = NamedTuple('PK', a=int); print(PK(a=4), PK._make([5]))
class Q(Protocol):
    def m(self): ...
try: isinstance(1, Q)
except TypeError as e: print(e)
@runtime_checkable
class R(Protocol):
    def close(self): ...
class C:
    def close(self): pass
print(isinstance(C(), R), isinstance(1, R))
UserId = NewType('UserId', int); print(UserId, UserId(5))
try: ClassVar[int, str]
except TypeError as e: print(e)
try: Optional[int, str]
except TypeError as e: print(e)
class Movie(TypedDict):
    name: str
    year: int
class M2(Movie, total=False):
    extra: bool
m = Movie(name='x', year=1); print(type(m), m, type(Movie).__name__, Movie.__mro__, sorted(Movie.__required_keys__), sorted(M2.__optional_keys__), M2.__total__)
print(get_origin(List[int]), get_args(Dict[str,int]), get_origin(Union[int,str]), get_args(Callable[[int], str]), get_args(Optional[int]))
print(List[T], List[T].__parameters__, Dict[str,T][int], B[int], B.__parameters__, B.__orig_bases__, B.__mro__)
b = B[int](); print(type(b).__name__, b.__orig_class__)
K = TypeVar('K'); V = TypeVar('V')
class Pair(Generic[K, V]):
    def __init__(self, k: K, v: V): self.k, self.v = k, v
class IntPair(Pair[int, V]): pass
print(IntPair.__parameters__, Pair[str, int], IntPair[str])
def f(a: 'int', b: List['P'] = None) -> Optional[str]: pass
print(get_type_hints(f))
class HH:
    x: int
    y: 'List[int]'
    z: ClassVar[int] = 3
print(get_type_hints(HH))
print(cast(int, 'x'), TYPE_CHECKING, Text)
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(3))
@final
class FF: pass
print(FF.__final__)
print(Union[int, None] == Optional[int], hash(List[int]) == hash(List[int]), List[int] == List[int], Union[int] is int)
class LL(List[int]): pass
print(LL.__mro__, LL([1,2]))
class G2(Iterable[T]):
    def __iter__(self): return iter([1])
print(list(G2()), G2.__parameters__)
print(Callable[..., int], Callable[[int, str], None], Tuple[()])
A = Annotated[int, 'meta']; print(A.__metadata__, get_type_hints(type('X', (), {'__annotations__': {'a': A}})))
print(Any, type(Any), issubclass(type(Any), type))
def h(x: 'Undefined'): pass
try: get_type_hints(h)
except NameError as e: print(e)
