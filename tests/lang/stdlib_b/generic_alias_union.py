import typing
print(isinstance(list[int], type), list[int].__class__, list[int].__name__, repr(list[int]), dict[str, list[int]], tuple[()], tuple[int, ...], list['X'], type[int])
T = typing.TypeVar('T')
print(list[T], list[T].__parameters__, list[T][int], dict[str, T][int], typing.List[list[T]][int])
print(int | None, int | str | None, (int | str) == (str | int), int | int, type(int|str).__name__, (int|str).__args__)
print(isinstance(3, int | str), isinstance(3.0, int | str), hash(int|str) == hash(str|int))
print(int | typing.List[int], typing.Optional[int] | str, list[int] | None, T | None, None | int)
try: int | 3
except TypeError as e: print(e)
try: isinstance([], list[int])
except TypeError as e: print(e)
try: list[int][int]
except TypeError as e: print(e)
class A(list[int]): pass
print(A.__mro__, A.__orig_bases__, list[int]() , list[int]([1,2]), list[int] == list[int], list[int] == list[str])
print(typing.get_origin(int|str), typing.get_args(int|str), typing.get_origin(list[int]), typing.get_args(dict[str,int]))
print(typing.Union[int, list[int]], typing.Optional[list[int]], typing.Union[int | str, None])
def f(x: list[int] | None = None) -> dict[str, int]: pass
import inspect; print(inspect.signature(f))
print(list[int].__origin__, list[int].__args__, list[int].__parameters__, dict[str, int].__args__)
print(set[int], frozenset[str], enumerate[int], {list[int]: 1}[list[int]])
def g(a: tuple[int, str], b: set[frozenset[int]]) -> list[dict[str, int | None]]: return []
print(g.__annotations__)
print(typing.get_type_hints(g))
