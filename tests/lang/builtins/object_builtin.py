o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
try:
    o.attr = 1
except AttributeError:
    print("cannot set attribute on object()")
class C(object):
    pass
print(C.__bases__ == (object,), issubclass(C, object))
print(isinstance(1, object), isinstance(int, object), isinstance(object, type))
print(object.__name__, str(type(object())))
