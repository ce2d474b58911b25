def resource():
    print("acquire")
    try:
        yield "res"
        yield "res2"
    finally:
        print("release")
for r in resource():
    print("using", r)
    break
print("after loop")
g = resource()
print(next(g))
g.close()
def with_gen():
    class CM:
        def __enter__(self):
            print("enter")
        def __exit__(self, *a):
            print("exit")
    with CM():
        yield 1
        yield 2
print(list(with_gen()))
