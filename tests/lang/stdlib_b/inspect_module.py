import inspect
class A: pass
print(inspect.signature(A))
class B:
    def __init__(self, x, y=1): pass
    def meth(self, a, *, k=3): return a
    @classmethod
    def cm(cls, q): pass
    @staticmethod
    def sm(r, s=2): pass
print(inspect.signature(B), inspect.signature(B(1).__init__), inspect.signature(B.meth), inspect.signature(B(1).meth), inspect.signature(B.cm), inspect.signature(B.sm))
def f(a, b: int = 2, *args, c, d=4, **kw) -> str: pass
s = inspect.signature(f)
print(s, repr(s), s.parameters, list(s.parameters), repr(s.parameters['b']), s.parameters['b'].kind, repr(s.parameters['b'].kind), s.parameters['b'].kind.description, s.return_annotation)
print(s.parameters['a'].default is inspect.Parameter.empty, inspect.Parameter.empty, inspect.Signature.empty, repr(inspect.Parameter.empty))
for p in s.parameters.values():
    print(p.name, p.kind, p.default, p.annotation, int(p.kind))
ba = s.bind(1, c=3); print(ba, ba.arguments, ba.args, ba.kwargs); ba.apply_defaults(); print(ba)
try: s.bind()
except TypeError as e: print(e)
try: inspect.signature(lambda x, /, y: 0).bind(x=1, y=2)
except TypeError as e: print(e)
try: inspect.signature(lambda x: 0).bind(1, 2)
except TypeError as e: print(e)
try: inspect.signature(lambda x: 0).bind(1, z=2)
except TypeError as e: print(e)
print(inspect.signature(lambda x, /, y, *, z: 0))
try: inspect.signature(1)
except TypeError as e: print(e)
P = inspect.Parameter
print(inspect.Signature([P('a', P.POSITIONAL_ONLY), P('b', P.KEYWORD_ONLY, default=None, annotation=list)]))
try: inspect.Signature([P('b', P.KEYWORD_ONLY), P('a', P.POSITIONAL_ONLY)])
except ValueError as e: print(e)
print([n for n, v in inspect.getmembers(B, inspect.isfunction)])
print(inspect.cleandoc('''  a
    b
      c'''))
import typing
def g(x: typing.List[int], y: 'str', z: typing.Dict[str, int] = None) -> typing.Optional[A]: pass
print(inspect.signature(g))
print(inspect.getfullargspec(f))
def gen(): yield 1
print(inspect.isfunction(f), inspect.isfunction(len), inspect.ismethod(B(1).meth), inspect.ismethod(B.meth), inspect.isclass(B), inspect.isclass(B(1)))
print(inspect.isgenerator(gen()), inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f), inspect.isbuiltin(len), inspect.isroutine(len), inspect.isroutine(f), inspect.ismodule(inspect))
class C:
    """Doc of C.

    More here.
    """
    z = 1
    def method(self):
        # comment
        x = """
text"""
        return x
def deco(fn): return fn
@deco
def decorated(a,
              b):
    return a + b
print(inspect.getsource(C.method), end='')
print(inspect.getsource(decorated), end='')
print(inspect.getsource(C), end='')
print(inspect.getsourcelines(f)[1], inspect.getdoc(C))
one = lambda x: x + 1
print(inspect.getsource(one), end='')
print([m[0] for m in inspect.getmembers(C) if not m[0].startswith('_')])
print(inspect.getmembers(C(), inspect.ismethod)[0][0])
try: inspect.getsource(len)
except TypeError as e: print(e)
sig = inspect.signature(f)
print(sig == inspect.signature(f), sig.replace(return_annotation=int))
print(s.parameters['b'].replace(default=5), inspect.Parameter('q', inspect.Parameter.VAR_KEYWORD))
def wrapper(*a, **k): pass
wrapper.__wrapped__ = f
print(inspect.signature(wrapper), inspect.unwrap(wrapper) is f)
class CallMe:
    def __call__(self, a, b=2): pass
print(inspect.signature(CallMe()))
print(inspect.getmodule(f).__name__, inspect.getfile(f).endswith('in1.py'))
print(inspect.currentframe().f_code.co_name)
