# fannkuch-redux for small n: max flips and checksum over permutations
def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if perm_count % 2 == 0 else -flips
        while True:
            if r == n:
                return checksum, max_flips
            p0 = perm1[0]
            i = 0
            while i < r:
                j = i + 1
                perm1[i] = perm1[j]
                i = j
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


def all_perms(seq):
    if len(seq) <= 1:
        yield tuple(seq)
        return
    for i, x in enumerate(seq):
        for rest in all_perms(seq[:i] + seq[i + 1:]):
            yield (x,) + rest


def flips_of(p):
    p = list(p)
    n = 0
    while p[0] != 0:
        k = p[0]
        p[:k + 1] = reversed(p[:k + 1])
        n += 1
    return n


for n in range(3, 9):
    cs, mf = fannkuch(n)
    print("%d\nPfannkuchen(%d) = %d" % (cs, n, mf))

perms = list(all_perms(list(range(5))))
print(len(perms), perms[:3], perms[-1])
hist = {}
for p in perms:
    f = flips_of(p)
    hist[f] = hist.get(f, 0) + 1
print(sorted(hist.items()))
print(max(perms, key=flips_of), min(perms, key=lambda p: (flips_of(p), p[::-1])))
