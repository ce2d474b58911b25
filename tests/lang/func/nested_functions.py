def outer(n):
    def helper(k):
        return k * 2
    def inner(m):
        return helper(m) + n
    return inner(10)
print(outer(1))
def make_ops():
    def add(a, b):
        return a + b
    def sub(a, b):
        return a - b
    return {"add": add, "sub": sub}
ops = make_ops()
print(ops["add"](3, 4), ops["sub"](3, 4), ops["add"].__qualname__)
def countdown(n):
    def step(k):
        if k == 0:
            return ["liftoff"]
        return [k] + step(k - 1)
    return step(n)
print(countdown(3))
