"""Helper module used by import tests."""
print("_helper_math loading")
PI = 3.14159
_private = "hidden"
__all__ = ["add", "mul", "PI"]
def add(a, b):
    return a + b
def mul(a, b):
    return a * b
def sub(a, b):
    return a - b
class Shape:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return "shape " + self.name + " from " + __name__
calls = 0
def counted():
    global calls
    calls += 1
    return calls
