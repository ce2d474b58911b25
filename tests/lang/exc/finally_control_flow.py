def f():
    try:
        return "try"
    finally:
        print("cleanup f")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
g()
def h():
    try:
        raise ValueError("lost")
    finally:
        return "finally overrides exception"
print(h())
def k():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x set to", x)
print(k())
