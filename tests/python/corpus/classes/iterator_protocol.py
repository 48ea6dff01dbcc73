# A class implementing __iter__/__next__, and one whose __iter__ is a generator.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

class Deck:
    def __init__(self):
        self.cards = [f"{rank}{suit}" for suit in "SH" for rank in "AKQ"]

    def __iter__(self):
        yield from self.cards

    def __len__(self):
        return len(self.cards)

    def __contains__(self, card):
        return card in self.cards

print(list(Countdown(5)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
deck = Deck()
print(len(deck), list(deck), "QH" in deck, "2C" in deck)
print(sorted(deck)[:3], max(deck))
