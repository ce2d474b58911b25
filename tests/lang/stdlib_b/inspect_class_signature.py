import inspect
class A:
    def __new__(cls, a, b=1):
        return super().__new__(cls)
class B(A):
    def __init__(self, x):
        pass
class C(B):
    pass
class D:
    def __init__(self, q, *, r=2):
        pass
class E(D):
    pass
class F(int):
    pass
for k in (A, B, C, D, E):
    print(k.__name__, inspect.signature(k))
for k in (int, F, object):
    try:
        print(inspect.signature(k))
    except ValueError as e:
        print('ValueError', e)
