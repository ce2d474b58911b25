# A tiny ray tracer: spheres, a plane, lambert shading; prints a checksum and ASCII art
import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x; self.y = y; self.z = z

    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y, self.z + o.z)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y, self.z - o.z)
    def __mul__(self, k): return Vec(self.x * k, self.y * k, self.z * k)
    __rmul__ = __mul__
    def __neg__(self): return Vec(-self.x, -self.y, -self.z)
    def dot(self, o): return self.x * o.x + self.y * o.y + self.z * o.z
    def __abs__(self): return math.sqrt(self.dot(self))

    def norm(self):
        m = abs(self)
        return self * (1.0 / m) if m else self

    def __repr__(self):
        return "Vec(%.3f, %.3f, %.3f)" % (self.x, self.y, self.z)


class Ray:
    def __init__(self, origin, direction):
        self.o = origin
        self.d = direction.norm()

    def at(self, t):
        return self.o + self.d * t


class Sphere:
    def __init__(self, center, radius, shade):
        self.c, self.r, self.shade = center, radius, shade

    def hit(self, ray):
        oc = ray.o - self.c
        b = oc.dot(ray.d)
        c = oc.dot(oc) - self.r * self.r
        disc = b * b - c
        if disc < 0:
            return None
        s = math.sqrt(disc)
        for t in (-b - s, -b + s):
            if t > 1e-6:
                return t
        return None

    def normal(self, p):
        return (p - self.c).norm()


class Plane:
    def __init__(self, point, normal, shade):
        self.p, self.n, self.shade = point, normal.norm(), shade

    def hit(self, ray):
        denom = self.n.dot(ray.d)
        if abs(denom) < 1e-9:
            return None
        t = (self.p - ray.o).dot(self.n) / denom
        return t if t > 1e-6 else None

    def normal(self, p):
        return self.n


LIGHT = Vec(-1.0, 2.0, -1.5).norm()
SCENE = [Sphere(Vec(0, 0, 5), 1.0, 1.0), Sphere(Vec(1.5, -0.5, 4), 0.5, 0.7),
         Sphere(Vec(-1.6, 0.3, 6), 0.8, 0.9), Plane(Vec(0, -1, 0), Vec(0, 1, 0), 0.5)]


def trace(ray, depth=0):
    best = None
    for obj in SCENE:
        t = obj.hit(ray)
        if t is not None and (best is None or t < best[0]):
            best = (t, obj)
    if best is None:
        return 0.0
    t, obj = best
    p = ray.at(t)
    n = obj.normal(p)
    shadow = Ray(p + n * 1e-4, LIGHT)
    lit = not any(o.hit(shadow) is not None for o in SCENE if o is not obj)
    val = obj.shade * max(0.0, n.dot(LIGHT)) * (1.0 if lit else 0.3)
    if depth < 2 and isinstance(obj, Sphere):
        refl = ray.d - n * (2 * ray.d.dot(n))
        val = 0.8 * val + 0.2 * trace(Ray(p + n * 1e-4, refl), depth + 1)
    return val


W, H = 48, 20
chars = " .:-=+*#%@"
total = 0.0
rows = []
for j in range(H):
    line = []
    for i in range(W):
        x = (i - W / 2) / (W / 2) * 1.6
        y = -(j - H / 2) / (H / 2)
        v = trace(Ray(Vec(0, 0, 0), Vec(x, y, 1.5)))
        total += v
        line.append(chars[min(len(chars) - 1, int(v * len(chars)))])
    rows.append("".join(line).rstrip())
print("\n".join(rows))
print("checksum %.6f" % total)
print(Vec(1, 2, 3) + 2 * Vec(1, 0, 0), -Vec(1, 1, 1), abs(Vec(3, 4, 0)))
try:
    Vec(1, 2, 3).w = 4
except AttributeError as e:
    print("AttributeError:", e)
