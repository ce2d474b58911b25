rows = [("apple", 1.5, 10), ("banana", 0.25, 200), ("kiwi", 12.0, 3)]
print(f"{'name':<10}{'price':>8}{'qty':>6}")
for name, price, qty in rows:
    print(f"{name:<10}{price:>8.2f}{qty:>6d}")
print("-" * 24)
total = sum(p * q for _, p, q in rows)
print(f"{'total':<10}{total:>14.2f}")
for i in [1, 10, 100, 1000]:
    print(f"|{i:^7}|{i:>7}|{i:<7}|{i:07}|")
print(f"|{'é':^5}|{'日本':>6}|")
