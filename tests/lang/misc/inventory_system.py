class Item:
    def __init__(self, name, price, qty):
        self.name, self.price, self.qty = name, price, qty
    @property
    def total(self):
        return self.price * self.qty
    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, {self.qty})"
class OutOfStock(Exception):
    pass
class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, item):
        if item.name in self.items:
            self.items[item.name].qty += item.qty
        else:
            self.items[item.name] = item
    def remove(self, name, qty):
        it = self.items.get(name)
        if it is None or it.qty < qty:
            raise OutOfStock(f"cannot remove {qty} x {name}")
        it.qty -= qty
        if it.qty == 0:
            del self.items[name]
    def value(self):
        return sum(i.total for i in self.items.values())
    def report(self):
        for it in sorted(self.items.values(), key=lambda i: -i.total):
            print(f"{it.name:<8}{it.qty:>4} x {it.price:>6.2f} = {it.total:>8.2f}")
inv = Inventory()
inv.add(Item("widget", 2.5, 10))
inv.add(Item("gadget", 12.0, 3))
inv.add(Item("widget", 2.5, 5))
inv.add(Item("doohick", 0.75, 40))
inv.report()
print(f"total value: {inv.value():.2f}")
for name, q in [("gadget", 3), ("widget", 100), ("nothing", 1)]:
    try:
        inv.remove(name, q)
        print("removed", q, name)
    except OutOfStock as e:
        print("OutOfStock:", e)
print(list(inv.items.values()))
