# Decorators, with and without arguments, and functools.wraps.
import functools

def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"call {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result!r}")
        return result
    return wrapper

def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate

@trace
def add(a, b):
    return a + b

@repeat(3)
def greet(name):
    return f"hi {name}"

add(2, 3)
print(add.__name__)
print(greet("Ann"))
