out = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    finally:
        out.append("f%d" % i)
print(out)
def f():
    for i in range(3):
        try:
            return i
        finally:
            print("finally", i)
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally wins"
print(g())
def h():
    while True:
        try:
            break
        finally:
            print("h finally")
    return "h done"
print(h())
