import random
random.seed(2024)
vals = [random.random() for _ in range(1000)]
print(min(vals) >= 0, max(vals) < 1, round(sum(vals) / len(vals), 6))
random.seed(99)
g = [random.gauss(5, 2) for _ in range(500)]
mean = sum(g) / len(g)
print(round(mean, 10))
random.seed(1)
print(random.randrange(1, 10 ** 30), random.randint(-(10 ** 20), 10 ** 20))
print(random.choice(["only"]), random.sample([1, 2, 3], 0))
random.seed(3)
lst = list("abcdef")
random.shuffle(lst)
print("".join(lst), [round(random.uniform(5, 6), 8) for _ in range(3)])
