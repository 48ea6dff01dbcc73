# A base class whose method subclasses must override, and polymorphism.
class Shape:
    name = "shape"

    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must define area()")

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"

class Circle(Shape):
    name = "circle"
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2

class Square(Shape):
    name = "square"
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2

class Blob(Shape):
    pass

for shape in [Circle(1), Square(3), Blob()]:
    try:
        print(shape.describe())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
print(sum(s.area() for s in [Circle(2), Square(2)]))
