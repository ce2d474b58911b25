# An uncaught chained exception: exit status 1 and the last stderr line.
def inner():
    return {}["missing"]

def outer():
    try:
        inner()
    except KeyError as e:
        raise RuntimeError("wrapped") from e

print("before")
outer()
print("not reached")
