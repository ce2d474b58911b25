e = ValueError("msg", 42)
print(e.args, str(e), repr(e))
e1 = ValueError("only")
print(e1.args, str(e1), repr(e1))
e0 = ValueError()
print(e0.args, repr(str(e0)), repr(e0))
k = KeyError("key")
print(str(k), repr(k), k.args)
print(str(KeyError(1)), str(IndexError(3)), repr(TypeError("a", "b")))
print(str(Exception(None)), repr(Exception(None)))
try:
    raise RuntimeError("with", "args")
except RuntimeError as err:
    print(err, err.args[1])
