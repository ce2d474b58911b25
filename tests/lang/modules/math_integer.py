import math
print(math.factorial(0), math.factorial(5), math.factorial(20), math.factorial(30))
print(math.comb(5, 2), math.comb(10, 0), math.comb(52, 5), math.comb(100, 50), math.comb(3, 5))
print(math.perm(5, 2), math.perm(5), math.perm(10, 3), math.perm(3, 5))
print(math.gcd(48, 18), math.gcd(0, 0), math.gcd(-4, 6), math.lcm(4, 6, 10))
print(math.isqrt(99), math.isqrt(100), math.isqrt(10 ** 30 + 1))
print(math.prod([1, 2, 3, 4]), math.prod(range(1, 11)), math.prod([]))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), sum([0.1] * 10))
print(math.fsum([1, 2.5, 3]), math.fsum(x / 10 for x in range(11)))
for bad in [lambda: math.factorial(-1), lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.comb(-1, 2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
