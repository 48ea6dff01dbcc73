# Without __repr__/__str__ an object prints as <__main__.Name object at 0x...>.
class Plain:
    pass

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

class OnlyStr:
    def __str__(self):
        return "a friendly string"

p = Plain()
print(p)
print([OnlyRepr()], str(OnlyRepr()), f"{OnlyRepr()}")
print(OnlyStr(), [OnlyStr()][0].__str__())
print(repr(OnlyStr()).startswith("<__main__.OnlyStr object at "))
print(Plain, OnlyRepr.__name__, type(p))
