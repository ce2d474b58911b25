# Importing what does not exist: CPython's exception types and messages.
import sys

def attempt(stmt):
    try:
        exec(stmt)
    except ImportError as e:
        print(type(e).__name__, "|", str(e).split(" (")[0], "|", e.name)

attempt("import no_such_module_x")
attempt("import _pkg.no_such")
attempt("import sys.no_such")
attempt("from _pkg import no_such")
attempt("from no_such_module_y import z")
attempt("import _pkg._inner.nope")
print(issubclass(ModuleNotFoundError, ImportError))
print("no_such_module_x" in sys.modules, "_pkg.no_such" in sys.modules)
attempt("from . import sibling")
attempt("from .. import up")
attempt("import _pkg._beyond")
print("_pkg._beyond" in sys.modules)
try:
    __import__("")
except ValueError as e:
    print("ValueError", e)
