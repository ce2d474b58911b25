def apply(f, *args):
    return f(*args)
def add(a, b):
    return a + b
print(apply(add, 2, 3), apply(len, "four"), apply(max, 3, 9, 1))
ops = {"add": add, "mul": lambda a, b: a * b}
print(ops["add"](1, 2), ops["mul"](3, 4))
funcs = [str.upper, str.lower, len]
print([f("MiXed") for f in funcs])
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
print(compose(str, abs, lambda v: v - 10)(3))
print(callable(add), callable(3), callable(print), callable(lambda: 0))
alias = add
print(alias is add, alias.__name__)
