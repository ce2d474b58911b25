def read_lines():
    for line in ["10", "x", "25", "", "7", "abc", "3"]:
        yield line
def parse(lines):
    for l in lines:
        if l.isdigit():
            yield int(l)
def running_total(nums):
    t = 0
    for n in nums:
        t += n
        yield t
print(list(running_total(parse(read_lines()))))
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals() if x % 2))))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
print(list(take(15, primes())))
