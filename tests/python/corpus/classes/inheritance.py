# Inheritance, super(), overriding and isinstance/issubclass.
class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return f"{self.name} says {self.speak()}"

class Dog(Animal):
    def speak(self):
        return "Woof"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + " (squeaky)"

for animal in [Animal("Generic"), Dog("Rex"), Puppy("Bit", 1)]:
    print(animal.describe())
print(isinstance(Puppy("x", 1), Animal), issubclass(Dog, Puppy))
print([c.__name__ for c in Puppy.__mro__])
