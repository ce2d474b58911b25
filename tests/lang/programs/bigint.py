# Big-integer computations: factorials, fibonacci by doubling, pi digits spigot, primes, gcd
import math


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib_pair(n):
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n & 1 else (c, d)


def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out


def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


f100 = factorial(100)
print(f100)
print(len(str(factorial(500))), sum(map(int, str(f100))), f100 == math.factorial(100))
print(str(f100).rstrip("0")[-10:], len(str(f100)) - len(str(f100).rstrip("0")))
print(fib_pair(100)[0], fib_pair(300)[0] % 10 ** 12, len(str(fib_pair(2000)[0])))
print("".join(map(str, pi_digits(60))))
m127 = 2 ** 127 - 1
print(m127, is_probable_prime(m127), is_probable_prime(m127 + 2), is_probable_prime(2 ** 89 - 1))
print([p for p in range(2, 60) if is_probable_prime(p)])
a, b = 2 ** 200 + 12345, 3 ** 150 - 7
print(a * b, a // b, a % b, divmod(b, 10 ** 30), -a // 7, -a % 7)
print(math.gcd(factorial(30), 2 ** 40 * 3 ** 5), math.isqrt(10 ** 41), pow(3, -1, 1000007), pow(2, 1000, 10 ** 9 + 7))
print(hex(a), oct(b)[:20], bin(m127).count("1"), a.bit_length(), (-a).bit_length(), int("1" * 40, 2))
print(a >> 100, a << 3, ~a, a & b, a | 0xffff, a ^ b, -a >> 190, (-1) << 100)
print(int("123456789012345678901234567890") * -1, int("-0x1f", 16), int("zz", 36), int(" 42 "), int(1e20))
print(10 ** 30 / 3, 2 ** 64 / 2 ** 10, float(2 ** 100), 2 ** 100 == float(2 ** 100), 10 ** 25 > 1e25)
print(hash(2 ** 61) == hash(1), hash(2 ** 100) % 1000, abs(-(10 ** 20)), 7 ** 77 % 1000, (-3) ** 33)
big = factorial(60)
digits = []
while big:
    big, d = divmod(big, 1000)
    digits.append(d)
print(digits[:5], len(digits), sum(digits))
print(f"{2 ** 80:,} {2 ** 70:_x} {-(2 ** 65):+d} {3 ** 50:e} {10 ** 20:>30}")
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
