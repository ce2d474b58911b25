"""n-body: the four outer planets and the sun, integrated with a fixed time step.

Usage: nbody.py [STEPS]. Prints the system's energy before and after, to
nine decimals, and a checksum of the final positions.
"""
import sys

DEFAULT_SIZE = 60000
TEST_SIZE = 200

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    def __init__(self, pos, vel, mass):
        self.x, self.y, self.z = pos
        self.vx, self.vy, self.vz = (v * DAYS_PER_YEAR for v in vel)
        self.mass = mass * SOLAR_MASS


def make_system():
    sun = Body((0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0)
    jupiter = Body((4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
                   (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
                   9.54791938424326609e-04)
    saturn = Body((8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
                  (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
                  2.85885980666130812e-04)
    uranus = Body((1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
                  (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
                  4.36624404335156298e-05)
    neptune = Body((1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01),
                   (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
                   5.15138902046611451e-05)
    bodies = [sun, jupiter, saturn, uranus, neptune]
    # Give the sun the momentum that makes the system's total zero, so the
    # centre of mass stays put.
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun.vx, sun.vy, sun.vz = -px / SOLAR_MASS, -py / SOLAR_MASS, -pz / SOLAR_MASS
    return bodies


def pairs_of(bodies):
    return [(a, b) for i, a in enumerate(bodies) for b in bodies[i + 1:]]


def energy(bodies):
    e = 0.0
    for b in bodies:
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
    for a, b in pairs_of(bodies):
        dx, dy, dz = a.x - b.x, a.y - b.y, a.z - b.z
        e -= a.mass * b.mass / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for a, b in pairs:
            dx, dy, dz = a.x - b.x, a.y - b.y, a.z - b.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            bm, am = b.mass * mag, a.mass * mag
            a.vx -= dx * bm
            a.vy -= dy * bm
            a.vz -= dz * bm
            b.vx += dx * am
            b.vy += dy * am
            b.vz += dz * am
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


def main(steps):
    bodies = make_system()
    print("energy before: %.9f" % energy(bodies))
    advance(bodies, pairs_of(bodies), 0.01, steps)
    print("energy after:  %.9f" % energy(bodies))
    print("checksum: %.9f" % sum(b.x + b.y + b.z for b in bodies))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
