# a comment
"""module docstring"""
def f():
    """Function docstring."""
    # comment inside
    return 1  # trailing comment
class C:
    """Class docstring."""
    x = 1
print(f(), f.__doc__, C.__doc__)
def g():
    pass
print(g.__doc__)
print(__doc__)
def h():
    "single-quoted doc"
    return h.__doc__
print(h())
