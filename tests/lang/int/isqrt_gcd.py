import math
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40), math.isqrt(2 ** 101))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(2 ** 100, 6 ** 40))
print(math.gcd(), math.gcd(7), math.gcd(12, 18, 27))
def my_gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(my_gcd(10 ** 30 + 7, 10 ** 20 + 3))
print(math.lcm(4, 6) if hasattr(math, "lcm") else 12)
