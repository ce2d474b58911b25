# math: float functions, bit-identical to CPython, and their errors
import math

xs = [0.0, -0.0, 0.5, 1.0, 2.0, 10.0, 1e-300, 1e300, -3.7, 123.456, math.pi, 0.1]
for name in ["sqrt", "exp", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
             "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
             "erf", "erfc", "gamma", "lgamma", "fabs", "floor", "ceil", "trunc", "frexp",
             "modf", "degrees", "radians", "isfinite", "isinf", "isnan", "ulp", "exp2", "cbrt"]:
    f = getattr(math, name)
    out = []
    for x in xs:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, " ".join(out))
for args in [(2.0, 10), (0.5, -3), (1.0, 1023), (3.0, 0.5)]:
    print(math.ldexp(args[0], int(args[1])), math.pow(*args), math.copysign(*args),
          math.fmod(*args), math.remainder(*args), math.atan2(*args), math.hypot(*args),
          math.nextafter(*args))
print([math.gamma(n) for n in range(1, 25)], math.lgamma(1), math.lgamma(2))
print([math.gamma(x / 7) for x in range(-40, 40) if x % 7], math.gamma(-250.5), math.gamma(1e-30))
print([math.lgamma(x / 3) for x in range(-30, 90) if x % 3], math.lgamma(1e300), math.lgamma(-1e-30))
print([math.hypot(x / 3, 1 / (x + 0.5), x * x) for x in range(-10, 10)], math.hypot(3e-320, 4e-320),
      math.hypot(1e308, 1e308), math.hypot(float("inf"), float("nan")), math.hypot(-7.0))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), sum([0.1] * 10))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-12, abs_tol=1e-9))
print(math.gcd(12, 18, 27), math.gcd(), math.lcm(4, 6, 10), math.lcm(), math.comb(50, 20),
      math.perm(10, 3), math.perm(5), math.isqrt(10**40 + 1), math.factorial(25))
print(math.prod([1, 2, 3, 4]), math.prod([0.5, 4], start=3), math.dist((0, 0), (3, 4)),
      math.dist((1, 2, 3), (4, 6, 8)), math.hypot(1, 2, 3, 4), math.hypot())
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.log(8, 2), math.log(10**400))

class F:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
print(math.floor(F()), math.ceil(F()), math.trunc(F()), math.floor(-2.5), math.ceil(-2.5),
      math.trunc(-2.5), math.floor(7), type(math.floor(2.0)).__name__)
for call in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.exp(1000),
             lambda: math.factorial(-1), lambda: math.acos(2), lambda: math.fsum([math.inf, -math.inf]),
             lambda: math.trunc("x"), lambda: math.isqrt(-1), lambda: math.comb(-1, 2),
             lambda: math.ldexp(1.0, 5000), lambda: math.pow(0.0, -1.0)]:
    try:
        print(call())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
