# json.dumps/dump: every type, indent, separators, sort_keys, ensure_ascii, default, errors
import io
import json

objs = [1, -0, 1.5, -0.0, 1e100, 10**30, "x", None, True, False, [], {}, (),
        [1, [2, [3, {}]], []], {"b": 1, "a": [1, 2, {"c": None}], 3: 4, 2.5: 1, None: 0, True: 1},
        "h\u00e9llo \U0001F600 \x00 \x1f \x7f \"q\" \\ / \n\t\r\b\f", {"k": float("nan"), "i": float("inf"), "m": -float("inf")},
        (1, "two", 3.0), {"z": {"y": {"x": []}}}, [[]], [{}]]
for o in objs:
    print(json.dumps(o))
    print(json.dumps(o, indent=2))
    print(json.dumps(o, indent="\t", sort_keys=isinstance(o, dict) and all(isinstance(k, str) for k in o)))
    print(json.dumps(o, separators=(",", ":"), ensure_ascii=False))
    print(json.dumps(o, indent=0))
print(json.dumps({"b": 2, "a": 1, "c": {"z": 0, "y": 1}}, sort_keys=True, indent=4, separators=(", ", " = ")))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(json.dumps([Point(1, 2)], default=lambda p: {"x": p.x, "y": p.y}))
print(json.dumps({1: {1, 2}}, default=sorted))

class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)
print(json.dumps({"p": Point(3, 4)}, cls=Enc), Enc(indent=1).encode([Point(0, 0)]))
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))

def show(f):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
show(lambda: json.dumps(float("nan"), allow_nan=False))
show(lambda: json.dumps({(1, 2): 3}))
show(lambda: json.dumps(object()))
show(lambda: json.dumps([Point(1, 2)]))
show(lambda: json.dumps({"b": 1, 2: 3}, sort_keys=True))
loop = []
loop.append(loop)
show(lambda: json.dumps(loop))
d = {}
d["self"] = d
show(lambda: json.dumps(d))

buf = io.StringIO()
json.dump({"a": [1, 2.5, None]}, buf, indent=1)
print(repr(buf.getvalue()))
class MyInt(int):
    def __repr__(self):
        return "MyInt!"
class MyDict(dict):
    pass
print(json.dumps([MyInt(5), MyDict(a=1)]))
