x = "global"
def read_global():
    return x
def local_shadow():
    x = "local"
    return x
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 1
print(read_global(), local_shadow(), x)
unbound()
def outer():
    y = "enclosing"
    def inner():
        return y
    y = "changed before call"
    return inner()
print(outer())
print(isinstance(UnboundLocalError("m"), NameError))
def loop_var():
    for i in range(3):
        pass
    return i
print(loop_var())
