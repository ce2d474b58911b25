import inspect
import functools

def plain(a, b=2, *rest, key=None, **opts):
    """Plain function.

    With a docstring.
    """
    return a

class Base:
    """Base class."""
    attr = 1
    def method(self, x: int) -> int:
        return x
    @property
    def prop(self):
        return 1
    @staticmethod
    def st(y):
        return y
    @classmethod
    def cl(cls, z):
        return z

class Child(Base):
    def method(self, x: int) -> int:
        # overridden
        return super().method(x) + 1

async def coro():
    pass

def gen():
    yield 1

lam = lambda q, *, r=1: q

print(inspect.signature(plain))
print(inspect.signature(Base.method), inspect.signature(Base().method))
print(inspect.signature(Base.st), inspect.signature(Base.cl), inspect.signature(lam))
print(inspect.getdoc(plain))
print(inspect.getdoc(Child))
print(inspect.getsource(Child), end='')
print(inspect.getsource(Base.method), end='')
print(inspect.getsource(lam), end='')
print(inspect.getsourcelines(gen))
print(inspect.isfunction(Base.method), inspect.ismethod(Base().method), inspect.ismethod(Base.cl))
print(inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()), inspect.iscoroutinefunction(gen))
print(inspect.isclass(Child), inspect.isroutine(Base.st), inspect.isbuiltin(print), inspect.ismodule(functools))
print(inspect.isdatadescriptor(Base.__dict__['prop']), inspect.ismethoddescriptor(str.join))
names = [n for n, _ in inspect.getmembers(Child) if not n.startswith('__')]
print(names)
print([n for n, _ in inspect.getmembers(Child, inspect.isfunction)])
print([n for n, _ in inspect.getmembers(Child(), inspect.ismethod)])
sig = inspect.signature(plain)
for name, param in sig.parameters.items():
    print(name, param.kind.name, param.default is param.empty, param.kind.description)
ba = sig.bind(1, 2, 3, 4, key='k', extra=5)
print(ba.args, ba.kwargs, ba.arguments)
ba = sig.bind_partial(key=3)
print(ba)
print(inspect.getcallargs(plain, 1, key=2))
@functools.wraps(plain)
def wrapped(*args, **kwargs):
    return plain(*args, **kwargs)
print(inspect.signature(wrapped), inspect.signature(wrapped, follow_wrapped=False), wrapped.__name__)
print(inspect.unwrap(wrapped) is plain)
part = functools.partial(plain, 1, key=5)
print(inspect.signature(part))
print(inspect.getfullargspec(plain))
print(inspect.signature(plain).replace(parameters=[]))
P = inspect.Parameter
print(P('x', P.POSITIONAL_OR_KEYWORD, default=3, annotation=int))
print(P.POSITIONAL_ONLY < P.KEYWORD_ONLY, list(map(int, [P.POSITIONAL_ONLY, P.VAR_KEYWORD])))
try:
    P('1x', P.POSITIONAL_ONLY)
except ValueError as e:
    print(e)
try:
    P('args', P.VAR_POSITIONAL, default=1)
except ValueError as e:
    print(e)
print(inspect.cleandoc("\n    first\n      second\n    "))
def outer():
    return inspect.currentframe().f_code.co_name
print(outer())
print(inspect.getmodule(Base) is inspect.getmodule(plain), inspect.getfile(Base).endswith('.py'))
print(inspect.isabstract(Base), inspect.getmro(Child))
print(inspect.signature(Child), inspect.signature(type('Q', (), {'__init__': lambda self, a, b=1: None})))
