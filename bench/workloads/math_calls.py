"""math module calls: sqrt, trigonometry and hypot in a polar/cartesian round trip."""
import math

from _checks import same_result

DESCRIPTION = "calls to math functions (sqrt, sin, cos, atan2, hypot)"
KIND = "private"
BASE = 1800000


def run(n, state):
    sqrt, sin, cos, atan2, hypot = math.sqrt, math.sin, math.cos, math.atan2, math.hypot
    acc = 0.0
    for i in range(1, n + 1):
        r = sqrt(i)
        a = i * 0.001
        x, y = r * cos(a), r * sin(a)
        acc += hypot(x, y) - r + atan2(y, x)
    return round(acc, 6)


def check(results, n, threads, state):
    return same_result(results)
