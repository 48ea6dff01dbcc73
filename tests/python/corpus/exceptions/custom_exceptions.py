# User exception classes, hierarchies and attributes.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"no such key: {key!r}")
        self.key = key

class Invalid(AppError):
    pass

def lookup(store, key):
    if not key:
        raise Invalid("empty key")
    if key not in store:
        raise NotFound(key)
    return store[key]

store = {"a": 1}
for key in ["a", "b", ""]:
    try:
        print("found", lookup(store, key))
    except NotFound as e:
        print("NotFound:", e, "| key =", e.key)
    except AppError as e:
        print(type(e).__name__, e.args)
print(repr(NotFound("z")), str(Invalid()))
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__)
