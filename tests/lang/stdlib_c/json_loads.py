# json.loads/load: values, unicode escapes, hooks, and JSONDecodeError positions
import io
import json

docs = ['0', '-0', '-0.0', '12345678901234567890', '1.5e3', '1E-2', '-1.25e+2', '"abc"',
        '"\\u00e9\\n\\t\\"\\\\\\/\\b\\f\\r"', '"\\ud83d\\ude00"', '"h\u00e9llo"', 'true', 'false', 'null',
        '[]', '{}', '[1, [2, [3]], {"a": {}}]', ' \n [ 1 ,\n 2 ] \n', '{"a": 1, "a": 2}',
        'NaN', '[Infinity, -Infinity]', '{"k": [true, false, null]}', '"\\u0041\\u0062"']
for d in docs:
    print(repr(json.loads(d)))
print(json.loads(b'{"bytes": [1]}'), json.loads(bytearray(b'"ba"')))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=float))
print(json.loads('[NaN]', parse_constant=lambda c: "const:" + c))
print(json.load(io.StringIO('{"from": "file"}')))
print(json.JSONDecoder().raw_decode('[1] tail'), json.JSONDecoder().decode(' 7 '))
print(json.loads(json.dumps({"round": [1, 2.5, "trip", None, {"x": [True]}]})))

bad = ['', '  ', '[1,]', '{"a":1,}', '{"a" 1}', '{a:1}', '[1 2]', '"abc', '"a\x01"',
       '"\\q"', '"\\u12x4"', '1 2', 'nul', '[', '{', '{"a"', '{"a":', '-', '01', '1.',
       '1e', '[1,2', '"abc\\', '\n\n  [1,\n  x]', '{"a":1 "b":2}', '[1,,2]', '"\\u00"', 'tru']
for d in bad:
    try:
        json.loads(d)
    except json.JSONDecodeError as e:
        print(repr(d), "|", e, "|", e.msg, e.pos, e.lineno, e.colno)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads(5)
except TypeError as e:
    print("TypeError:", e)
try:
    json.loads("[1, x]")
except ValueError as e:
    print("ValueError:", e)
print(json.decoder.JSONDecodeError is json.JSONDecodeError, json.encoder.JSONEncoder is json.JSONEncoder)
from json.decoder import JSONDecodeError
import json.encoder
print(JSONDecodeError.__name__, json.encoder.JSONEncoder.__name__)
try:
    json.loads("{")
except json.decoder.JSONDecodeError as e:
    print("caught", e)
