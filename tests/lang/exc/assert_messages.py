def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n
for v in [5, -2, 0]:
    try:
        print("ok", check_positive(v))
    except AssertionError as e:
        print("AssertionError:", e)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("no message:", e.args, str(e) == "")
