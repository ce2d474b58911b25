d = {"x": 1, "y": 2, "z": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    d[k] = v * 10
print(d)
try:
    for k in d:
        d["new"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
for k in list(d):
    if d[k] == 20:
        del d[k]
print(d)
print(sum(d.values()), max(d, key=d.get), min(d.items(), key=lambda kv: kv[1]))
