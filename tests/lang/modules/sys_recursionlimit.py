import sys
print(sys.getrecursionlimit())
def depth(n):
    return n if n == 0 else 1 + depth(n - 1)
old = sys.getrecursionlimit()
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit(), depth(3000))
sys.setrecursionlimit(old)
print(sys.getrecursionlimit())
try:
    depth(3000)
except RecursionError:
    print("RecursionError at default limit")
print(depth(500))
