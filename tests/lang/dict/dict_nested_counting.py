text = "the cat and the hat and the bat"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}
def reachable(start):
    seen = []
    stack = [start]
    while stack:
        n = stack.pop()
        if n not in seen:
            seen.append(n)
            stack.extend(reversed(graph[n]))
    return seen
print(reachable("a"))
nested = {"x": {"y": {"z": 1}}}
nested["x"]["y"]["w"] = 2
print(nested, nested["x"]["y"]["z"])
