# random with a seed draws exactly CPython's numbers.
import random

random.seed(444)
print(random.random(), random.random())
print(random.randint(1, 6), random.randint(1, 6), random.randrange(0, 100, 5))
print(random.choice(["rock", "paper", "scissors"]), random.uniform(1, 2))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.choices("abc", k=6))
random.seed(1)
print([random.randint(0, 9) for _ in range(10)])
rng = random.Random(42)
print(rng.random(), rng.randint(1, 100), rng.getrandbits(16))
random.seed(444)
print(random.random())
