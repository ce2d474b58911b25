# Chaos game and a mandelbrot/julia rendering with floats and complex numbers
import random
import math

random.seed(1234)


def chaos_game(points, n, ratio=0.5):
    x, y = 0.3, 0.3
    grid = [[0] * 32 for _ in range(16)]
    for _ in range(n):
        px, py = random.choice(points)
        x += (px - x) * ratio
        y += (py - y) * ratio
        gx, gy = int(x * 31.999), int(y * 15.999)
        grid[gy][gx] += 1
    return x, y, grid


tri = [(0.0, 0.0), (1.0, 0.0), (0.5, 1.0)]
x, y, grid = chaos_game(tri, 20000)
print("final %.12f %.12f" % (x, y))
for row in reversed(grid):
    print("".join("#" if c > 40 else ("+" if c else " ") for c in row))
print(sum(map(sum, grid)), max(max(r) for r in grid))


def mandel(cr, ci, limit=60):
    zr = zi = 0.0
    for i in range(limit):
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        if zr * zr + zi * zi > 4.0:
            return i
    return limit


rows = []
for j in range(12):
    im = 1.2 - j * 0.2
    rows.append("".join(" .:-=+*#%@"[mandel(-2.1 + i * 0.05, im) % 10] for i in range(56)))
print("\n".join(rows))


def spiral(n):
    pts = []
    for k in range(n):
        a = k * math.pi * (3 - math.sqrt(5))
        r = math.sqrt(k / n)
        pts.append((r * math.cos(a), r * math.sin(a)))
    return pts


pts = spiral(200)
cx = sum(p[0] for p in pts) / len(pts)
cy = sum(p[1] for p in pts) / len(pts)
print(f"centroid ({cx:.10f}, {cy:.10f})")
print(f"{math.hypot(*pts[-1]):.6f} {math.atan2(pts[7][1], pts[7][0]):.6f} {math.degrees(1.0):.4f}")
vals = [random.random() for _ in range(5)]
print([round(v, 6) for v in vals], random.randint(1, 100), random.uniform(2, 3))
deck = list(range(10))
random.shuffle(deck)
print(deck, random.sample(range(100), 4), random.gauss(0, 1))
print(1e16, 1.5e-7, 123456789.0 * 10, 0.1 + 0.2, float("inf"), -float("inf"), 2.0 ** 0.5, 1 / 3)
print(math.floor(-2.5), math.ceil(2.1), round(2.5), round(3.5), round(-0.5), round(1.23456, 3), int(-7.9))
