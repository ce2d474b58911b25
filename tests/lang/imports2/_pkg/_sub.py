print("init", __name__, __package__)
from . import _helper
from ._helper import H
Y = H + 1
