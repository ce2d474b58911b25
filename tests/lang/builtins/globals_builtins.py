x = 10
def f():
    return "f" in globals(), "x" in globals(), globals()["x"]
print(f())
globals()["dynamic_var"] = "set via globals"
print(dynamic_var)
print(__name__)
print(type(globals()).__name__, "__name__" in globals())
def g():
    local_only = 1
    return "local_only" in globals()
print(g())
