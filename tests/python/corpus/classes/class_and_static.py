# classmethod, staticmethod, property and class-level counters.
class Temperature:
    created = 0

    def __init__(self, celsius):
        self._celsius = celsius
        Temperature.created += 1

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def is_freezing(c):
        return c <= 0

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

t = Temperature(100)
print(t.fahrenheit, Temperature.from_fahrenheit(212).celsius)
print(Temperature.is_freezing(-1), t.is_freezing(5))
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
print(Temperature.created)
