"""raytrace: a small ray tracer (spheres on a checkered plane, one light, shadows
and mirror reflections), rendering an N x N image to 8-bit grey levels.

Usage: raytrace.py [N]. Prints a coarse ASCII view of the image.
"""
import math
import sys

DEFAULT_SIZE = 160
TEST_SIZE = 12
EPSILON = 1e-6
MAX_DEPTH = 3


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction * t


class Sphere:
    def __init__(self, centre, radius, shade, mirror):
        self.centre, self.radius, self.shade, self.mirror = centre, radius, shade, mirror

    def intersect(self, ray):
        """Distance along ray to the nearest hit in front of its origin, or None."""
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        for t in (-b - root, -b + root):
            if t > EPSILON:
                return t
        return None

    def normal_at(self, p):
        return (p - self.centre).normalized()

    def colour_at(self, p):
        return self.shade


class Plane:
    def __init__(self, point, normal, mirror):
        self.point, self.normal, self.mirror = point, normal.normalized(), mirror

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, p):
        return self.normal

    def colour_at(self, p):
        # A checkerboard: the parity of the unit square the point falls in.
        return 0.9 if (math.floor(p.x) + math.floor(p.z)) % 2 == 0 else 0.2


class Scene:
    def __init__(self, objects, light, ambient):
        self.objects, self.light, self.ambient = objects, light, ambient

    def nearest(self, ray):
        best, best_t = None, None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best, best_t = obj, t
        return best, best_t

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            # Sky: brighter towards the zenith.
            return 0.1 + 0.3 * max(0.0, ray.direction.y)
        p = ray.at(t)
        n = obj.normal_at(p)
        to_light = self.light - p
        light_dist = to_light.length()
        to_light = to_light * (1.0 / light_dist)
        shadow_obj, shadow_t = self.nearest(Ray(p + n * 1e-4, to_light))
        lit = shadow_obj is None or shadow_t > light_dist
        diffuse = max(0.0, n.dot(to_light)) if lit else 0.0
        value = obj.colour_at(p) * (self.ambient + (1.0 - self.ambient) * diffuse)
        if obj.mirror > 0 and depth < MAX_DEPTH:
            d = ray.direction
            reflected = d - n * (2.0 * d.dot(n))
            value = value * (1.0 - obj.mirror) + obj.mirror * self.trace(Ray(p + n * 1e-4, reflected), depth + 1)
        return value


def render(size):
    scene = Scene(
        [Sphere(Vec(0.0, 1.0, 5.0), 1.0, 0.8, 0.4),
         Sphere(Vec(-2.2, 0.6, 6.5), 0.6, 0.5, 0.0),
         Sphere(Vec(1.8, 0.5, 3.8), 0.5, 0.95, 0.7),
         Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), 0.25)],
        Vec(-3.0, 6.0, 1.0), 0.15)
    eye = Vec(0.0, 1.6, -1.0)
    image = []
    for row in range(size):
        line = []
        y = 1.0 - 2.0 * (row + 0.5) / size
        for col in range(size):
            x = 2.0 * (col + 0.5) / size - 1.0
            ray = Ray(eye, Vec(x, y - 0.2, 2.5))
            v = scene.trace(ray, 0)
            line.append(min(255, int(v * 255.0 + 0.5)))
        image.append(line)
    return image


def main(size):
    image = render(size)
    marks = " .:-=+*#%@"
    step = max(1, size // 16)
    for row in image[::step]:
        print("".join(marks[v * len(marks) // 256] for v in row[::step]))
    checksum = 0
    for row in image:
        for v in row:
            checksum = (checksum * 257 + v) % 1000000007
    print("mean level: %.3f" % (sum(map(sum, image)) / (size * size)))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
