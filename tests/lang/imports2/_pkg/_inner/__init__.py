from .._sub import Y
from . import _leaf
Z = Y * 2
