print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0)
print(1 == 1 == 1, 1 == 1 != 2, 1 < 2 == 2)
x = 5
print(0 <= x < 10, 0 <= x < 5)
def v(n):
    print("eval", n)
    return n
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"))
print("abc" < "abd", "Z" < "a", "" < "a")
print(None is None, None is not None, 1 is not None)
print(1 in [1, 2], 3 not in [1, 2], "b" in "abc", "x" not in "abc")
print(1 != 1.0, [] == [], {} == {}, (1,) == [1])
