# Functions are values: passed, returned, stored, with attributes.
def shout(text):
    return text.upper() + "!"

def whisper(text):
    return text.lower() + "..."

def apply_all(functions, value):
    return [f(value) for f in functions]

print(apply_all([shout, whisper, len], "Hello"))
def compose(f, g):
    return lambda x: f(g(x))
print(compose(shout, whisper)("MiXeD"))
print(shout.__name__, callable(shout), callable("x"))
def documented():
    """Says what it does."""
print(documented.__doc__)
print(documented())
registry = {}
def register(func):
    registry[func.__name__] = func
    return func
@register
def hello():
    return "hi"
print(list(registry), registry["hello"]())
