"""collections.abc (tandem): the ABCs live in the flat module
_collections_abc, as in CPython, so that collections can use them while this
submodule is still being imported."""

from _collections_abc import *
from _collections_abc import __all__
