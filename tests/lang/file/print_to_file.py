path = "/tmp/tandem_lang_print_to_file.txt"
rows = [("alice", 30, 1.5), ("bob", 25, 2.25), ("carol", 35, 0.75)]
with open(path, "w") as f:
    print("name,age,score", file=f)
    for r in rows:
        print(*r, sep=",", file=f)
    print("# end", end="", file=f)
with open(path) as f:
    header = f.readline().strip().split(",")
    records = []
    for line in f:
        if line.startswith("#"):
            continue
        name, age, score = line.strip().split(",")
        records.append({"name": name, "age": int(age), "score": float(score)})
print(header)
print(records)
print(sum(r["age"] for r in records), max(records, key=lambda r: r["score"])["name"])
with open(path) as f:
    print(f.read().count("\n"))
with open(path, "w") as f:
    pass
