def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(20))
print(fact(30))
f100 = fact(100)
print(f100)
print(len(str(f100)))
print(sum(int(c) for c in str(f100)))
print(f100 // fact(98))
print(f100 % 1000003)
