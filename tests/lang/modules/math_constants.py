import math
print(math.pi, math.e, math.tau)
print(math.inf, -math.inf, math.nan)
print(math.isinf(math.inf), math.isnan(math.nan), math.isfinite(1.0), math.isfinite(math.inf), math.isfinite(math.nan))
print(math.pi * 2 == math.tau, math.inf > 10 ** 300)
print(type(math.pi).__name__)
