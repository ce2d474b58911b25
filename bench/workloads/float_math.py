"""Float arithmetic: a harmonic oscillator integrated with the leapfrog scheme."""
from _checks import same_result

DESCRIPTION = "float arithmetic (leapfrog integration of an oscillator)"
KIND = "private"
BASE = 3700000


def run(n, state):
    x, v = 1.0, 0.0
    dt = 0.001
    energy = 0.0
    for _ in range(n):
        v -= x * dt
        x += v * dt
        energy += 0.5 * (x * x + v * v)
    return round(energy / n, 9)


def check(results, n, threads, state):
    return same_result(results)
