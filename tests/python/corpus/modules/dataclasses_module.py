# dataclasses: generated __init__, __repr__, __eq__, defaults, ordering, frozen.
from dataclasses import dataclass, field, asdict

@dataclass
class Item:
    name: str
    price: float
    quantity: int = 1
    tags: list = field(default_factory=list)

    def total(self):
        return self.price * self.quantity

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

a = Item("pen", 1.5, 4)
b = Item("pen", 1.5, 4)
print(a, a == b, a.total())
a.tags.append("office")
print(a.tags, b.tags, asdict(a))
print(sorted([Version(2), Version(1, 5), Version(1)]))
v = Version(3, 1)
try:
    v.major = 4
except Exception as e:
    print(type(e).__name__, e)
print(Version(1, 2) < Version(1, 10), v)
