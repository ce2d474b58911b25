calls = []
def track(x):
    calls.append(x)
    return x
lc = [track(x) for x in range(3)]
print(calls)
calls.clear()
gc = (track(x) for x in range(3))
print(calls)
print(next(gc), calls)
print(list(gc), calls)
nums = [1, 2, 3]
first = next(n for n in nums if n > 1)
print(first, next((n for n in nums if n > 5), "none"))
