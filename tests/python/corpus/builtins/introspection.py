# isinstance, type, callable, hasattr/getattr/setattr, id-free identity checks.
class Box:
    size = 1

b = Box()
print(isinstance(3, int), isinstance(True, int), isinstance(3.0, (int, float)))
print(isinstance("s", str), isinstance([], (tuple, dict)), type(b) is Box)
print(type(3).__name__, type("x").__name__, type([]).__name__, type(None).__name__)
print(type(print).__name__, type(len), type(Box))
setattr(b, "size", 5)
print(getattr(b, "size"), Box.size, hasattr(b, "colour"))
delattr(b, "size")
print(b.size)
print(callable(len), callable(Box), callable(b))
print(sorted(k for k in vars(b)), "size" in dir(Box))
print(issubclass(bool, int), issubclass(int, object))
