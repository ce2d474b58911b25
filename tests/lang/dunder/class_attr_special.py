class A:
    def who(self):
        return self.__class__.__name__
class B(A):
    pass
b = B()
print(b.who(), b.__class__ is B, A().who())
print(B.__name__, B.__bases__[0].__name__)
print(type(b).__mro__[1].__name__)
new = b.__class__()
print(type(new).__name__)
print(A.__dict__["who"].__name__, "who" in B.__dict__)
