# Closures keeping state: averages, memoization, and a tiny bank account.
def averager():
    values = []
    def add(x):
        values.append(x)
        return sum(values) / len(values)
    return add

avg = averager()
print(avg(10), avg(20), avg(60))

def memoize(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def slow_square(n):
    print("computing", n)
    return n * n
print(slow_square(4), slow_square(4), slow_square(5))
print(sorted(slow_square.cache.items()))

def account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return "insufficient funds"
        balance -= amount
        return balance
    return deposit, withdraw
deposit, withdraw = account(100)
print(deposit(50), withdraw(30), withdraw(500))
