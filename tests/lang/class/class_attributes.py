class Counter:
    count = 0
    items = []
    def __init__(self, name):
        self.name = name
        Counter.count += 1
        self.items.append(name)
a = Counter("a")
b = Counter("b")
print(Counter.count, a.count, b.count, Counter.items)
a.count = 100
print(Counter.count, a.count, b.count)
del a.count
print(a.count)
Counter.count = 7
print(a.count, b.count)
print("count" in vars(Counter), "count" in vars(a))
