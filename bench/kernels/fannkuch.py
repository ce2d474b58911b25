"""fannkuch-redux: flip prefixes of every permutation of 1..N until 1 comes first.

Usage: fannkuch.py [N]. Prints the largest flip count over all permutations
and a checksum (flip counts summed with alternating signs, in the order the
permutations are generated).
"""
import sys

DEFAULT_SIZE = 9
TEST_SIZE = 6


def count_flips(perm):
    p = perm[:]
    flips = 0
    first = p[0]
    while first:
        # Reverse the first first+1 items in place.
        p[:first + 1] = p[first::-1]
        flips += 1
        first = p[0]
    return flips


def fannkuch(n):
    perm = list(range(n))
    counts = list(range(1, n + 1))
    checksum = 0
    max_flips = 0
    sign = 1
    while True:
        flips = count_flips(perm)
        max_flips = max(max_flips, flips)
        checksum += sign * flips
        sign = -sign
        # Next permutation by rotating growing prefixes (the counting scheme
        # lets every permutation appear exactly once).
        r = 1
        while True:
            if r == n:
                return max_flips, checksum
            perm[:r + 1] = perm[1:r + 1] + perm[:1]
            counts[r] -= 1
            if counts[r] > 0:
                break
            counts[r] = r + 1
            r += 1


def main(n):
    max_flips, checksum = fannkuch(n)
    print("Pfannkuchen(%d) = %d" % (n, max_flips))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
