def make_gen(limit):
    def gen():
        i = 0
        while i < limit:
            yield i
            i += 1
    return gen
g = make_gen(4)
print(list(g()), list(g()))
def counter_gen():
    count = 0
    def bump():
        nonlocal count
        count += 1
    def gen():
        for _ in range(3):
            bump()
            yield count
    return gen()
print(list(counter_gen()))
