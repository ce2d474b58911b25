data = {"alpha": 3, "beta": 14, "gamma": 159}
w = max(len(k) for k in data)
for k, v in data.items():
    bar = "#" * (v // 10)
    print(f"{k:>{w}} {v:4d} {bar}")
print("%-8s|%8s" % ("left", "right"))
print("{:=^30}".format(" centered "))
matrix = [[1, 22, 333], [4444, 5, 66]]
for row in matrix:
    print(" ".join(f"{c:5}" for c in row))
