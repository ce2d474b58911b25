import typing
T = typing.TypeVar('T')
cases = [
    lambda: list[1, 2], lambda: list[()], lambda: dict[...], lambda: tuple[int, ...][int],
    lambda: list[int].append, lambda: list[int].__doc__ is not None, lambda: list[int].__name__,
    lambda: list[int] | dict[str, int] | None, lambda: (int | str)[int],
    lambda: (int | list[T])[str], lambda: list[T] | T, lambda: hash(list[int] | None) == hash(None | list[int]),
    lambda: type[int] | type[str], lambda: list[int].__mro_entries__((list[int],)),
    lambda: isinstance(1, int | list[int]), lambda: issubclass(int, int | list[int]),
    lambda: list[list[list[T]]][int], lambda: dict[T, list[T]][str], lambda: list[T][int, str],
    lambda: list[int] == list, lambda: list == list[int], 
    lambda: repr(list['a b']), lambda: list[int](range(3)), lambda: dict[str, int](a=1),
    lambda: tuple[int, str]((1, 'a')), lambda: type(list[int])(list, (int,)),
    lambda: type(list[int])(list), lambda: copy_check(), lambda: set[int] | frozenset[int],
    lambda: enumerate[int](['a']).__next__(), lambda: type[int](3), lambda: int | int | int,
    lambda: (int | None) == (None | int), lambda: (int | str) == typing.Union[int, str],
    lambda: typing.Union[int, str] == (int | str), lambda: list[int].__parameters__,
    lambda: (int | T).__parameters__, lambda: [int | None][0].__args__,
]
def copy_check():
    import copy
    return copy.copy(list[int]) == list[int]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, repr(r)[:80])
    except Exception as e:
        print(i, type(e).__name__, e)
