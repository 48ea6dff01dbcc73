# A class with __init__, methods, class attributes, __repr__ and __str__.
class Point:
    dimensions = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def distance_to_origin(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"

p = Point(3, 4)
print(p, repr(p), [p])
print(p.distance_to_origin(), p.moved(1, -1))
print(Point.dimensions, p.dimensions)
p.label = "A"
print(p.label, hasattr(p, "label"), getattr(p, "missing", "default"))
print(type(p).__name__, isinstance(p, Point))
print(f"{p} {p!r}")
