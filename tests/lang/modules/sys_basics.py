import sys
print(len(sys.argv), sys.argv[0].endswith(".py"))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
import math
print("math" in sys.modules, sys.modules["math"] is math)
print(type(sys.modules).__name__)
x = [1, 2, 3]
print(sys.getrefcount(x) >= 2)
y = x
print(sys.getrefcount(x) >= 3)
print(sys.modules["__main__"].__name__)
