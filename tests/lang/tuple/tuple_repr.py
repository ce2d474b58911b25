print((), (1,), ("a",), (1, 2), ((1,),), ([], {}), (None, True))
print(repr((1, "a")), str((1.5,)))
print(tuple(range(5)), tuple({"a": 1, "b": 2}))
print(("é", b"x"))
