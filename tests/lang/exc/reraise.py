def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and reraising")
        raise
try:
    f()
except ValueError as e:
    print("outer got", e)
def g():
    try:
        raise KeyError("k")
    except KeyError as e:
        err = e
    raise err
try:
    g()
except KeyError as e:
    print("reraised stored", e)
try:
    try:
        raise TypeError("first")
    except TypeError as e:
        raise e
except TypeError as e2:
    print("same object:", e2.args)
