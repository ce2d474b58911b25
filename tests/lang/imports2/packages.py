# Packages on disk: __path__, __package__, submodules, relative imports.
import _pkg
print(_pkg.X, _pkg._sub.Y, _pkg.__package__, type(_pkg.__path__).__name__, len(_pkg.__path__))
print(_pkg.__path__[0].endswith("_pkg"), _pkg.__file__.endswith("_pkg/__init__.py"))
import _pkg._inner
print(_pkg._inner.Z, _pkg._inner.__name__, _pkg._inner.__package__)
print(_pkg._inner._leaf.LEAF)
from _pkg._inner import Z, _leaf
print(Z, _leaf.__name__)
import _pkg._inner._leaf as leaf
print(leaf.LEAF, leaf.__package__)
from _pkg import _helper
print(_helper.H, _helper.__name__)
import sys
print(sorted(k for k in sys.modules if k.startswith("_pkg")))
print(sys.modules["_pkg._inner"] is _pkg._inner)
