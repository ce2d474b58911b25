def func(a, b=1, *args, c, d=2, **kw):
    """Doc for func."""
    local = a + b
    return local
print(func.__name__, func.__qualname__, func.__doc__)
print(func.__defaults__, func.__kwdefaults__)
co = func.__code__
print(co.co_name, co.co_argcount, co.co_varnames)
print(co.co_firstlineno)
class K:
    def method(self):
        def inner():
            pass
        return inner
print(K.method.__qualname__, K().method().__qualname__, K.method.__name__)
print((lambda: 0).__name__, (lambda: 0).__qualname__)
def noargs():
    pass
print(noargs.__defaults__, noargs.__kwdefaults__, noargs.__doc__, noargs.__code__.co_argcount)
