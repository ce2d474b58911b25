# A kernel for the harness's own tests: sums of squares, argv[1] = size.
import sys

TEST_SIZE = 100


def main(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    print("n:", n)
    print("checksum:", total)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
