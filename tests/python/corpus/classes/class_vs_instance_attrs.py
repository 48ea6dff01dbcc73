# Class attributes are shared until an instance assigns its own.
class Dog:
    species = "canis familiaris"
    tricks = []

    def __init__(self, name):
        self.name = name
        self.own_tricks = []

    def learn(self, trick):
        self.tricks.append(trick)
        self.own_tricks.append(trick)

a, b = Dog("Rex"), Dog("Fido")
a.learn("sit")
b.learn("roll")
print(a.tricks, b.tricks, a.own_tricks, b.own_tricks)
a.species = "wolf?"
print(a.species, b.species, Dog.species)
Dog.species = "dog"
print(a.species, b.species)
del a.species
print(a.species, sorted(vars(a)))
