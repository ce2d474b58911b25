VALUE = 42
def twice(x):
    return 2 * x
_private = 1
print("helper imported as", __name__)
