errors = [ValueError("a"), TypeError("b"), KeyError("c")]
print([type(e).__name__ for e in errors])
print([str(e) for e in errors])
print(isinstance(errors[0], Exception), isinstance(errors[2], LookupError))
def raiser(cls, *args):
    raise cls(*args)
for cls in (ValueError, RuntimeError):
    try:
        raiser(cls, "made by", cls.__name__)
    except Exception as e:
        print(repr(e))
exc_type = IndexError
try:
    raise exc_type("dynamic")
except exc_type as e:
    print("dynamic caught", e)
handlers = (KeyError, ValueError)
try:
    raise ValueError("tuple of handlers")
except handlers as e:
    print(e)
