try:
    import missing_module
except ImportError as e:
    print(type(e).__name__, "|", e, "|", e.name)
try:
    import missing_module
except ModuleNotFoundError as e:
    print("second attempt:", e)
try:
    from _helper_math import does_not_exist
except ImportError as e:
    print(type(e).__name__, e.name)
print(issubclass(ModuleNotFoundError, ImportError))
try:
    import also_missing.submodule
except ImportError as e:
    print(e)
print("still running")
