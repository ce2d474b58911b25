for v in [0, 1, 2, 15]:
    print("zero" if v == 0 else "one" if v == 1 else "many")
x = 5
print(x if x > 3 else -x)
print((1 if False else 2) + 10)
f = (lambda a: a) if x else None
print(f("picked"))
print([i if i % 2 else -i for i in range(5)])
print("yes" if [] else "no")
