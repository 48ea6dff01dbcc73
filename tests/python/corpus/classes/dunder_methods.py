# Operator overloading and container protocols.
class Vector:
    def __init__(self, *components):
        self.components = list(components)

    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self.components, other.components)))

    def __mul__(self, k):
        return Vector(*(a * k for a in self.components))

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Vector) and self.components == other.components

    def __len__(self):
        return len(self.components)

    def __getitem__(self, i):
        return self.components[i]

    def __iter__(self):
        return iter(self.components)

    def __bool__(self):
        return any(self.components)

    def __repr__(self):
        return f"Vector{tuple(self.components)}"

v = Vector(1, 2, 3)
w = Vector(4, 5, 6)
print(v + w, v * 2, 3 * v)
print(v == Vector(1, 2, 3), v == w, len(v), v[1], list(v))
print(bool(Vector(0, 0)), bool(v), sum(v))
