"""float: create many points on a curve, normalise them and take the componentwise maximum.

Exercises float arithmetic, math.sin/cos/sqrt, attribute access and object
allocation. Usage: float.py [POINTS].
"""
import math
import sys

DEFAULT_SIZE = 400000
TEST_SIZE = 1000


class Point:
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%.9f, y=%.9f, z=%.9f>" % (self.x, self.y, self.z)

    def normalize(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = max(self.x, other.x)
        self.y = max(self.y, other.y)
        self.z = max(self.z, other.z)
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


def main(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    best = maximize(points)
    print(best)
    print("checksum: %.9f" % (best.x + best.y + best.z))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
