# dataclasses: inheritance, kw_only, __post_init__, hash rules, replace, astuple and errors.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError

@dataclass
class Base:
    x: int
    y: int = 0

@dataclass
class Point3(Base):
    z: int = 0
    label: str = field(default="p", repr=False, compare=False)

    def __post_init__(self):
        self.norm1 = abs(self.x) + abs(self.y) + abs(self.z)

@dataclass(frozen=True)
class Key:
    name: str
    version: int = field(default=1, kw_only=True)

p = Point3(1, -2, 3, label="q")
print(p, p.norm1, p == Point3(1, -2, 3), [f.name for f in fields(p)])
print(astuple(p), asdict(Base(4)), replace(p, z=9), is_dataclass(p), is_dataclass(Point3), is_dataclass(3))
k = Key("a", version=2)
print(k, hash(k) == hash(Key("a", version=2)), {k: 1}[Key("a", version=2)], Key.__match_args__)
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)
try:
    del k.name
except FrozenInstanceError as e:
    print("FrozenInstanceError", e, isinstance(e, AttributeError))
for make in [lambda: Base(), lambda: Base(1, 2, 3), lambda: Base(1, w=2), lambda: Key("a", 2)]:
    try:
        make()
    except TypeError as e:
        print("TypeError", e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError", e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)
