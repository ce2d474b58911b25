import time
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
total = 0
for i in range(10000):
    total += i
t2 = time.time()
p2 = time.perf_counter()
m2 = time.monotonic()
print(type(t1).__name__, type(p1).__name__, type(m1).__name__)
print(t2 >= t1, p2 >= p1, m2 >= m1)
print(t1 > 1600000000, total)
print(p2 - p1 >= 0.0, m2 - m1 < 60)
