class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return False
with CM("a") as v:
    print("body", v)
with CM("x") as x, CM("y") as y:
    print("two", x, y)
try:
    with CM("err"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
class Suppress:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("suppressing", repr(ev))
        return True
with Suppress():
    1 / 0
print("after suppress")
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break
