# random: seeded sequences of every method equal CPython's, instances independent
import random

for seed in [0, 1, 12345, 2**64 + 7, -99, "hello", b"bytes", bytearray(b"ba"), 3.5, ""]:
    random.seed(seed)
    print(repr(seed), random.random(), random.getrandbits(8), random.getrandbits(70),
          random.getrandbits(200), random.randrange(10**30), random.randint(-5, 5))

r = random.Random(42)
print([r.randrange(0, 100, 7) for _ in range(5)], [r.randrange(50, 10, -3) for _ in range(5)])
print([r.randrange(2**100, 2**100 + 2**70) for _ in range(3)])
print([r.randint(1, 6) for _ in range(20)])
print(r.choice("abcdefg"), r.choice([10, 20, 30]), r.choice(range(1000)))
print(r.choices(range(10), k=5), r.choices("abc", weights=[1, 0, 5], k=6),
      r.choices("xyz", cum_weights=[1, 2, 10], k=4), r.choices([1, 2]))
print(r.sample(range(100), 10), r.sample("abcdef", 6), r.sample(range(10**6), 3))
print(r.sample(["a", "b", "c"], 5, counts=[2, 2, 1]))
lst = list(range(20))
r.shuffle(lst)
print(lst)
print(r.uniform(1, 10), r.triangular(), r.triangular(0, 10, 2), r.gauss(), r.gauss(5, 2), r.gauss())
print(r.normalvariate(), r.normalvariate(10, 3), r.expovariate(1.5), r.lognormvariate(0, 1))
print(r.betavariate(2, 3), r.gammavariate(0.5, 1), r.gammavariate(1.0, 2), r.gammavariate(3, 2))
print(r.vonmisesvariate(1, 2), r.paretovariate(3), r.weibullvariate(1, 2), r.randbytes(5))

a = random.Random(7)
b = random.Random(7)
a.random()
print(a.random() == b.random(), a.random() != b.random())
state = a.getstate()
x = [a.random() for _ in range(3)]
a.setstate(state)
print(x == [a.random() for _ in range(3)], state[0], len(state[1]))
random.seed(2024)
st = random.getstate()
first = [random.randrange(1000) for _ in range(5)]
random.setstate(st)
print(first, first == [random.randrange(1000) for _ in range(5)])

class MyRandom(random.Random):
    pass
m = MyRandom(3)
print(type(m).__name__, m.random(), m.randint(1, 100))

for call in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(0, 10, 0),
             lambda: random.choice([]), lambda: random.sample(range(3), 4), lambda: random.getrandbits(-1),
             lambda: random.choices("ab", weights=[1])]:
    try:
        call()
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)

s = random.SystemRandom(123)
print(0.0 <= s.random() < 1.0, 0 <= s.getrandbits(100) < 2**100, s.randrange(5, 10) in range(5, 10),
      len(s.randbytes(4)), sorted(s.sample(range(5), 5)), s.seed(1))
try:
    s.getstate()
except NotImplementedError as e:
    print("NotImplementedError:", e)
