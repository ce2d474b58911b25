def make_multipliers():
    return [lambda x, n=n: x * n for n in range(1, 4)]
print([m(10) for m in make_multipliers()])
class Registry:
    def __init__(self):
        self.handlers = {}
    def on(self, name):
        def deco(f):
            self.handlers[name] = f
            return f
        return deco
r = Registry()
@r.on("greet")
def greet(who):
    return "hello " + who
print(r.handlers["greet"]("you"))
def adder_factory():
    adders = {}
    for k in ["one", "two"]:
        def add(x, k=k):
            return k + ":" + str(x)
        adders[k] = add
    return adders
ad = adder_factory()
print(ad["one"](1), ad["two"](2))
