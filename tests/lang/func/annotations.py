def f(x: int, y: str = "s", *args: float, z: bool = True, **kw: dict) -> list:
    return [x, y, z]
print(f.__annotations__)
print(f(1))
def g(a, b: "text annotation"):
    pass
print(g.__annotations__)
def h():
    pass
print(h.__annotations__)
class C:
    count: int = 0
    name: str
    def m(self, v: "C") -> None:
        pass
print(C.__annotations__, C.count, hasattr(C, "name"))
print(C.m.__annotations__)
x: int = 5
y: float
print(x)
