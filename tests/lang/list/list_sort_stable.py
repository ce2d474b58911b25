records = [("alice", 3), ("bob", 1), ("carol", 3), ("dave", 2), ("eve", 1), ("frank", 2)]
by_score = sorted(records, key=lambda r: r[1])
print(by_score)
by_score_desc = sorted(records, key=lambda r: r[1], reverse=True)
print(by_score_desc)
multi = sorted(sorted(records, key=lambda r: r[0], reverse=True), key=lambda r: r[1])
print(multi)
data = [(i % 3, i) for i in range(12)]
data.sort(key=lambda t: t[0])
print(data)
print(sorted("Mississippi", key=str.lower))
