# The singletons and truthiness of literals.
print(None, True, False, ...)
print(type(None).__name__, type(...).__name__)
for value in [0, 1, -1, 0.0, "", "0", [], [0], {}, (), None, 0j]:
    print(repr(value), bool(value))
print(None is None, True is not False)
print(not None, not 0, not "x")
