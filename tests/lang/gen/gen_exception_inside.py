def risky():
    yield 1
    raise ValueError("inside generator")
    yield 2
g = risky()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "exhausted after error"))
def stop_inside():
    yield 1
    raise StopIteration("bad")
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e)
def running():
    yield me.__name__
me = running()
print(next(me))
