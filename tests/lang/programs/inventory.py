# Everyday script: inventory records, custom dunders (__format__, __index__, __call__, __getitem__
# iteration, rich comparisons with reflection), dict/list idioms, sorting stability, sys usage
import sys


class Money:
    def __init__(self, cents):
        self.cents = int(cents)

    def __format__(self, spec):
        if spec.endswith("$"):
            return format(f"${self.cents / 100:.2f}", spec[:-1] or "")
        return format(self.cents / 100, spec)

    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))

    __radd__ = __add__

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    __hash__ = None

    def __bool__(self):
        return self.cents != 0

    def __repr__(self):
        return f"Money({self.cents})"


class Qty:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Shelf:
    def __init__(self, *items):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __call__(self, pred):
        return [x for x in self._items if pred(x)]


items = [("apple", "fruit", Money(120), 30), ("pear", "fruit", Money(95), 0),
         ("leek", "veg", Money(210), 12), ("kale", "veg", Money(330), 5),
         ("milk", "dairy", Money(99), 40), ("brie", "dairy", Money(650), 3)]
by_cat = {}
for name, cat, price, stock in items:
    by_cat.setdefault(cat, []).append((name, price, stock))
for cat in sorted(by_cat):
    entries = by_cat[cat]
    value = sum((p.cents * s for _, p, s in entries), 0)
    print(f"{cat:<6} {len(entries)} items, stock value {Money(value):>10$}, cheapest {min(e[1] for e in entries):$}")
print(sorted(items, key=lambda t: t[1])[0][0], [t[0] for t in sorted(items, key=lambda t: (t[1], -t[3]))])
print(sum(p for _, _, p, _ in items), Money(5) + 3, 3 + Money(5), bool(Money(0)), Money(1) == Money(1))
print(sorted([Money(3), Money(1), Money(2)]), Money(1) > Money(0), Money(2) >= Money(2))
try:
    hash(Money(1))
except TypeError as e:
    print("TypeError:", e)
try:
    Money(1) < 5
except AttributeError as e:
    print("AttributeError:", e)
print("abcdef"[Qty(2)], [10, 20, 30][Qty(1)], list(range(Qty(3))), "xy" * Qty(2), bin(Qty(5)), hex(Qty(255)))
shelf = Shelf("a", "bb", "ccc")
print(list(shelf), "bb" in shelf, shelf(lambda s: len(s) > 1), list(enumerate(shelf)), callable(shelf))
out_of_stock = [n for n, _, _, s in items if not s]
low = {n: s for n, _, _, s in items if 0 < s < 10}
print(out_of_stock, low, dict.fromkeys("ab", 0), list(reversed(list(low.items()))))
inv = {n: s for n, _, _, s in items}
inv.update(pear=10, fig=2)
removed = inv.pop("milk")
print(removed, inv.pop("nothing", None), len(inv), list(inv)[-2:], inv.get("fig"), "kale" in inv)
for k in list(inv):
    if inv[k] < 5:
        del inv[k]
print(inv, sorted(inv.values(), reverse=True), max(inv, key=inv.get))
merged = {**inv, "apple": 0} | {"new": 1}
print(merged, merged.keys() - inv.keys(), inv.items() & {("leek", 12)}, list(merged.values())[:3])
print(sys.version_info[0], sys.version_info >= (3, 8), type(sys.argv).__name__, sys.maxsize > 2 ** 31, sys.byteorder)
print(isinstance(sys.stdout.write("written\n"), int), sys.getsizeof is not None if hasattr(sys, "getsizeof") else True)
text = ", ".join(f"{n}:{s}" for n, s in sorted(inv.items()))
print(text, text.split(", ")[1].split(":"), text.upper().count("E"), text.startswith(("kale", "apple")))
print(sorted("Banana bandana CABANA".split(), key=lambda w: (w.lower(), w)), "-".join(sorted(set("mississippi"))))
matrix = [[c * r for c in range(4)] for r in range(3)]
print(list(map(list, zip(*matrix))), [row[::-1] for row in matrix][1], sum(matrix, []))
print(all(isinstance(x, int) for row in matrix for x in row), any([]), min([], default="empty"), max("abc", key=ord))
sys.stdout.write("done\n")
sys.exit(0)
