class A: pass
class B(A): pass
b = B()
print(type(b) is B, type(b) == A, isinstance(b, A), isinstance(b, (int, A)))
print(issubclass(B, (int, A)), issubclass(bool, int), issubclass(int, object))
print(type(b).__name__, b.__class__.__name__, b.__class__ is B)
print(type(A), type(int), type(type))
print(isinstance(A, type), isinstance(3, object), isinstance(None, object))
print(type(None).__name__, type(3).__name__, type("").__name__, type([]).__name__)
def f(): pass
print(type(f).__name__, type(lambda: 0).__name__, type(f) is type(lambda: 0))
