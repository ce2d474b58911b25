"""Spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1),
estimated by ten rounds of the power method on its N x N corner.

Usage: spectral_norm.py [N].
"""
import sys

DEFAULT_SIZE = 260
TEST_SIZE = 20


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_a(u):
    n = len(u)
    return [sum(a(i, j) * u[j] for j in range(n)) for i in range(n)]


def times_a_transposed(u):
    n = len(u)
    return [sum(a(j, i) * u[j] for j in range(n)) for i in range(n)]


def times_ata(u):
    return times_a_transposed(times_a(u))


def main(n):
    u = [1.0] * n
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = vv = 0.0
    for ui, vi in zip(u, v):
        vbv += ui * vi
        vv += vi * vi
    norm = (vbv / vv) ** 0.5
    print("spectral norm(%d) = %.9f" % (n, norm))
    print("checksum: %.9f" % (sum(u) / n))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
