# Exception args, str, repr, and catching by base class.
errors = [ValueError("bad"), KeyError("key"), IndexError(), OSError("disk full"),
          ZeroDivisionError("division by zero"), Exception("a", 1)]
for e in errors:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
try:
    [][0]
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
try:
    int("x")
except Exception as e:
    print(isinstance(e, ValueError), e.__class__.__mro__[1].__name__)
