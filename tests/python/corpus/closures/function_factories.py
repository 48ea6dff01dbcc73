# Functions that build functions: multipliers, validators, pipelines.
def multiplier(k):
    return lambda x: x * k

double, triple = multiplier(2), multiplier(3)
print(double(5), triple(5), double(triple(2)))

def between(low, high):
    def check(value):
        return low <= value <= high
    return check

is_teen = between(13, 19)
print([age for age in [9, 13, 17, 20] if is_teen(age)])

def pipeline(*steps):
    def run(value):
        for step in steps:
            value = step(value)
        return value
    return run

clean = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(clean("  Hello World  "))
