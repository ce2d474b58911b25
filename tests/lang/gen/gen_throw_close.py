def worker():
    try:
        while True:
            try:
                x = yield
                print("got", x)
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("worker cleanup")
w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad")))
next(w)
w.close()
print("closed")
def g():
    yield 1
    yield 2
gen = g()
next(gen)
try:
    gen.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
print(list(gen))
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
ie = ignore_exit()
next(ie)
ie.close()
ie.close()
print("done")
