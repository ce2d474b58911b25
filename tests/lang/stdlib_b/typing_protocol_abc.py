import abc
from typing import Protocol, runtime_checkable
@runtime_checkable
class Closer(Protocol):
    def close(self): ...
class MyABC(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
class Both(Closer, MyABC):
    def close(self): pass
    def run(self): pass
print(isinstance(Both(), Closer), isinstance(Both(), MyABC), type(Closer).__mro__[1].__name__)
class Reg: pass
Closer.register(Reg)
print(isinstance(Reg(), Closer), issubclass(Reg, Closer))
try:
    MyABC()
except TypeError as e:
    print(e)
