# Each call of the outer function makes a new closure cell.
def make_counter(start=0, step=1):
    count = start
    def next_value():
        nonlocal count
        count += step
        return count
    return next_value

a = make_counter()
b = make_counter(100, 10)
print(a(), a(), b(), a(), b())

def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
def make_late_adders():
    return [lambda x: x + n for n in range(3)]
print([f(10) for f in make_adders()])
print([f(10) for f in make_late_adders()])

def outer():
    message = "outer"
    def inner():
        return message
    message = "changed"
    return inner
print(outer()())
