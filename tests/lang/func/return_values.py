def none_implicit():
    pass
def none_explicit():
    return
def multiple():
    return 1, "two", [3]
def early(x):
    if x < 0:
        return "neg"
    for i in range(10):
        if i == x:
            return "found %d" % i
    return "not found"
print(none_implicit(), none_explicit(), multiple())
print(early(-1), early(3), early(50))
a, b, c = multiple()
print(a, b, c)
def returns_func():
    return lambda: "inner"
print(returns_func()())
