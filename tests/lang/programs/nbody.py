# N-body simulation of a few planets, energies printed with %.9f
import math

PI = math.pi
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    def __init__(self, name, pos, vel, mass):
        self.name = name
        self.x, self.y, self.z = pos
        self.vx, self.vy, self.vz = [v * DAYS_PER_YEAR for v in vel]
        self.mass = mass * SOLAR_MASS

    def __repr__(self):
        return "Body(%r, m=%.6f)" % (self.name, self.mass)


def make_system():
    bodies = [
        Body("sun", (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0),
        Body("jupiter", (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
             (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
             9.54791938424326609e-04),
        Body("saturn", (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
             (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
             2.85885980666130812e-04),
        Body("uranus", (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
             (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
             4.36624404335156298e-05),
        Body("neptune", (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01),
             (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
             5.15138902046611451e-05),
    ]
    return bodies


def pairs(seq):
    n = len(seq)
    for i in range(n - 1):
        for j in range(i + 1, n):
            yield seq[i], seq[j]


def offset_momentum(bodies):
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun = bodies[0]
    sun.vx = -px / SOLAR_MASS
    sun.vy = -py / SOLAR_MASS
    sun.vz = -pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    for b in bodies:
        e += 0.5 * b.mass * (b.vx ** 2 + b.vy ** 2 + b.vz ** 2)
    for b1, b2 in pairs(bodies):
        dx, dy, dz = b1.x - b2.x, b1.y - b2.y, b1.z - b2.z
        e -= (b1.mass * b2.mass) / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, dt, steps):
    plist = list(pairs(bodies))
    for _ in range(steps):
        for b1, b2 in plist:
            dx = b1.x - b2.x
            dy = b1.y - b2.y
            dz = b1.z - b2.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt * (d2 ** -1.5)
            m1 = b1.mass * mag
            m2 = b2.mass * mag
            b1.vx -= dx * m2
            b1.vy -= dy * m2
            b1.vz -= dz * m2
            b2.vx += dx * m1
            b2.vy += dy * m1
            b2.vz += dz * m1
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


bodies = make_system()
offset_momentum(bodies)
print(bodies[0], bodies[1])
print("%.9f" % energy(bodies))
for chunk in (10, 100, 1000):
    advance(bodies, 0.01, chunk)
    print("after %4d more: %.9f" % (chunk, energy(bodies)))
for b in bodies:
    print(f"{b.name:>8}: x={b.x:+.6f} y={b.y:+.6f} z={b.z:+.6e}")
