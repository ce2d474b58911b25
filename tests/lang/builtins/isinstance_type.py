checks = [(1, int), (1, float), (1.0, float), (True, int), (True, bool), ("s", str),
          ([], list), ((), tuple), ({}, dict), (set(), set), (None, type(None)), (b"", bytes),
          (1, (str, int)), (len, object), (int, type), (range(1), range)]
for obj, typ in checks:
    print(repr(obj) if not callable(obj) else getattr(obj, "__name__"), isinstance(obj, typ))
print(type(1) == int, type(True) == int, type("") is str)
print(issubclass(bool, (str, int)), issubclass(float, int))
