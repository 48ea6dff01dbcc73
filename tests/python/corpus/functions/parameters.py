# Defaults, *args, **kwargs, keyword-only and positional-only parameters.
def describe(name, greeting="Hello", *args, punct="!", **kwargs):
    extra = " ".join(str(a) for a in args)
    opts = ", ".join(f"{k}={v}" for k, v in kwargs.items())
    return f"{greeting}, {name}{punct} [{extra}] {{{opts}}}"

print(describe("Ann"))
print(describe("Bob", "Hi"))
print(describe("Cy", "Yo", 1, 2, punct="?", color="red", size=3))
print(describe(greeting="Hey", name="Di"))

def only_kw(*, a, b=2):
    return a + b
print(only_kw(a=1), only_kw(b=5, a=1))

def pos_only(x, y, /, z=0):
    return x * y + z
print(pos_only(3, 4), pos_only(3, 4, z=1))

def total(*numbers):
    return sum(numbers)
print(total(), total(1, 2, 3), total(*range(5)))
options = {"punct": ".", "mood": "calm"}
print(describe("Ed", "Bye", *[7, 8], **options))
