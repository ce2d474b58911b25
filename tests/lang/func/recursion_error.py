import sys
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("caught RecursionError:", e)
print(isinstance(RecursionError(), RuntimeError))
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
print(count(0) > 100)
print(sys.getrecursionlimit())
print("still works", sum(range(10)))
