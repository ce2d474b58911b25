import random
random.seed(12345)
a = [random.random() for _ in range(3)]
random.seed(12345)
b = [random.random() for _ in range(3)]
print(a == b, a)
random.seed(0)
print(random.randint(0, 10 ** 6), random.random())
random.seed(2 ** 100 + 17)
print(random.random(), random.randint(1, 6))
random.seed(-5)
x = random.random()
random.seed(5)
print(x == random.random())
random.seed(7)
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:8])
hand = random.sample(deck, 5)
print(hand)
rolls = [random.randint(1, 6) for _ in range(1000)]
print([rolls.count(i) for i in range(1, 7)])
