# The with statement: __enter__/__exit__, suppression, exceptions in exit.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v, tb is not None)
        return self.suppress

with CM("a") as a:
    print("body", a.name)

with CM("s", suppress=True):
    raise ValueError("swallowed")
print("after suppress")

try:
    with CM("n"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)

with CM("outer"), CM("inner", True):
    1 / 0
print("nested ok")

def ret():
    with CM("r"):
        return "returned"
print(ret())

for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break

class BadExit:
    def __enter__(self):
        return 1
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with BadExit():
        raise ValueError("body")
except RuntimeError as e:
    print("RuntimeError", e, "context:", repr(e.__context__))

for obj in (1, object()):
    try:
        with obj:
            pass
    except TypeError as e:
        print("TypeError:", e)

class OnlyEnter:
    def __enter__(self):
        return self
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print("TypeError:", e)
