data = [5, 3, 5, 1, 3, 9, 1]
print(sorted(set(data)))
seen = set()
unique_in_order = []
for x in data:
    if x not in seen:
        seen.add(x)
        unique_in_order.append(x)
print(unique_in_order)
print(list(dict.fromkeys(data)))
a = set("abracadabra")
b = set("alacazam")
print(sorted(a - b), sorted(a & b), sorted(a ^ b))
