try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(e, "context:", repr(e.__context__))
try:
    try:
        raise KeyError("a")
    finally:
        print("finally runs before propagation")
except KeyError as e:
    print("got", e)
def cleanup_fails():
    try:
        raise RuntimeError("body")
    finally:
        raise TypeError("from finally")
try:
    cleanup_fails()
except TypeError as e:
    print(e, "context:", repr(e.__context__))
