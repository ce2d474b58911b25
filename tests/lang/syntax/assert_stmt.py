assert True
assert 1 == 1, "not shown"
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("caught:", e)
try:
    assert False
except AssertionError as e:
    print("bare:", repr(e), e.args)
try:
    x = [1, 2]
    assert len(x) == 3, f"len was {len(x)}"
except AssertionError as e:
    print(e)
def check(v):
    assert v, v
    return "ok"
print(check(5))
try:
    check(0)
except AssertionError as e:
    print("args", e.args)
