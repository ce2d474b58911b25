def memoize(f):
    cache = {}
    hits = [0]
    def wrapped(*args):
        if args in cache:
            hits[0] += 1
            return cache[args]
        r = f(*args)
        cache[args] = r
        return r
    def stats():
        return len(cache), hits[0]
    wrapped.stats = stats
    return wrapped
@memoize
def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)
print(binom(30, 15), binom(50, 25))
print(binom.stats())
