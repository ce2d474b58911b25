tests = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: [1][5],
    lambda: (1,)[5],
    lambda: "abc"[10],
    lambda: {"a": 1}["b"],
    lambda: int("xyz"),
    lambda: None.attr,
    lambda: (5).nope,
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [] + (),
    lambda: len(5),
    lambda: 5(),
    lambda: None[0],
    lambda: {}[[]],
    lambda: [].pop(),
    lambda: iter(5),
    lambda: "x" * "y",
    lambda: -"s",
    lambda: 1 < "a",
    lambda: [1, 2].index(9),
    lambda: "abc".index("z"),
    lambda: chr(-1),
    lambda: next(iter([])),
    lambda: divmod(1, 0),
    lambda: float("bad"),
]
for t in tests:
    try:
        t()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
