# Importing a missing module raises ModuleNotFoundError (an ImportError).
try:
    import missing_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from missing_mod2 import x
except ModuleNotFoundError as e:
    print(type(e).__name__, e, isinstance(e, ImportError))
try:
    import missing_pkg.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from sys import nothing_here
except ImportError as e:
    print(type(e).__name__, type(e) is ImportError)
try:
    import missing_module_xyz as m
except ImportError:
    print("still missing")
print(issubclass(ModuleNotFoundError, ImportError))
