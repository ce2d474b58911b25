"""pidigits: the first N decimal digits of pi from Gibbons' unbounded spigot, in big integers.

Usage: pidigits.py [DIGITS]. Prints the digits ten to a line.
"""
import sys

DEFAULT_SIZE = 3500
TEST_SIZE = 50


def pi_digits():
    """Yield pi's decimal digits forever, keeping a linear fractional transform exact."""
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    while True:
        if 4 * q + r - t < n * t:
            yield n
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)


def main(count):
    digits = []
    for d in pi_digits():
        digits.append(d)
        if len(digits) == count:
            break
    text = "".join(map(str, digits))
    for i in range(0, count, 10):
        print("%-10s\t:%d" % (text[i:i + 10], min(i + 10, count)))
    checksum = 0
    for d in digits:
        checksum = (checksum * 10 + d) % 1000000007
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
