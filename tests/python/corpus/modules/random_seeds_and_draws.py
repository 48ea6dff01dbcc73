# random: str and big-int seeds, weighted choices, sample with counts, gauss and friends.
import random

random.seed("asyncio")
print(random.random(), random.randint(1, 10**30))
random.seed(b"bytes seed")
print(random.getrandbits(100), random.randrange(10**20, 10**21, 7))
random.seed(2**100 + 7)
print(random.choices(["a", "b", "c"], weights=[5, 1, 1], k=5))
print(random.choices(range(4), cum_weights=[1, 2, 3, 10], k=4))
print(random.sample(["x", "y"], counts=[3, 2], k=4), random.sample(range(1000), 8))
print(round(random.gauss(10, 2), 6), round(random.gauss(), 6), round(random.normalvariate(0, 1), 6))
print(round(random.expovariate(2.0), 6), round(random.triangular(0, 10, 3), 6), random.randbytes(4).hex())
rng = random.Random("same")
other = random.Random("same")
print(rng.random() == other.random(), rng.choice("hello"), rng.uniform(-1, 1))
letters = list("abcdefgh")
rng.shuffle(letters)
print("".join(letters), random.Random(3.5).random(), random.Random(-7).random() == random.Random(7).random())
for bad in [lambda: random.randrange(0), lambda: random.randint(5, 1), lambda: random.choice([]),
            lambda: random.sample({1, 2}, 1), lambda: random.seed([1]), lambda: random.randrange(1, 10, 0),
            lambda: random.choices("ab", [1, 2, 3]), lambda: random.randint(1)]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
