import inspect

def deco(*a, **k):
    def wrap(f):
        return f
    return wrap

@deco(1,
      2,
      key='v')
def decorated(x):
    s = """
not indented
    """
    return s

def one(): return 1

def outer():
    def inner(a,
              b):
        # comment inside
        return a + b

    # trailing comment at inner level
    return inner

class K:
    """Doc

with a dedented line
    """
    def m(self):
        return [
    1, 2,
        ]

    x = 1
# comment at column 0 after the class

def last(y):
    if y:
        return 1
    else:
        return 2
for obj in (decorated, one, outer, outer(), K, K.m, last):
    print('----', getattr(obj, '__name__', obj))
    print(inspect.getsource(obj), end='')
    print(inspect.getsourcelines(obj)[1])
print(inspect.getcomments(last))
