class Tag:
    depth = 0
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("  " * Tag.depth + f"<{self.name}>")
        Tag.depth += 1
        return self
    def __exit__(self, exc_type, exc, tb):
        Tag.depth -= 1
        print("  " * Tag.depth + f"</{self.name}>")
        if exc_type is KeyError:
            print("swallowed", repr(exc))
            return True
with Tag("html"):
    with Tag("body"):
        with Tag("p") as p:
            print("    text in", p.name)
with Tag("outer"):
    raise KeyError("k")
print("continued")
try:
    with Tag("t"):
        raise ValueError("v")
except ValueError as e:
    print("escaped", e)
