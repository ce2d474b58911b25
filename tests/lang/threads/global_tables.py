# Module-level tables read by several threads: the values keep their exact
# reference counts (the ft build counts them per thread), reads see every
# value, and rebinding or deleting entries and whole tables drops them.
import sys
import threading

TABLE = {k: k * k for k in range(64)}
ROWS = [k * 1000 for k in range(100)]
NAMES = tuple("name%d" % k for k in range(20))
BIG = {k: float(k) for k in range(5000)}
print(sys.getrefcount(TABLE[40]), sys.getrefcount(ROWS[50]), sys.getrefcount(NAMES[7]))

sums = []


def reader():
    s = 0
    for i in range(20000):
        s += TABLE[i & 63] + ROWS[i % 100] + len(NAMES[i % 20]) + int(BIG[i % 5000])
    sums.append(s)


threads = [threading.Thread(target=reader) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(set(sums)), sums[0])
print(sys.getrefcount(TABLE[40]), sys.getrefcount(ROWS[50]), sys.getrefcount(BIG[4000]))

old = TABLE[40]
TABLE[40] = -1
print(sys.getrefcount(old), TABLE[40])
del old
ROWS[50] = None
keys = list(TABLE)
del TABLE
print(len(keys), sum(ROWS[:10]), NAMES[3])
