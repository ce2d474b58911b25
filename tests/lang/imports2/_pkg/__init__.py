# A package on disk: its __init__ pulls in a submodule by relative import.
print("init", __name__, __package__)
X = 1
from . import _sub
