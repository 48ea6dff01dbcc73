# __call__, __eq__ with __hash__ for use in sets and dict keys.
class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return f"call {self.calls} with {args}"

class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit

    def __eq__(self, other):
        return (self.rank, self.suit) == (other.rank, other.suit)

    def __hash__(self):
        return hash((self.rank, self.suit))

    def __repr__(self):
        return f"{self.rank}{self.suit}"

count = Counter()
print(count(1), count("a", "b"), count.calls, callable(count))
hand = {Card("A", "S"), Card("A", "S"), Card("K", "H")}
print(len(hand), Card("K", "H") in hand)
prices = {Card("A", "S"): 11}
print(prices[Card("A", "S")])
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
