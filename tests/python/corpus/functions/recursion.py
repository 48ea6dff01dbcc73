# Recursive functions: factorial, fib with memo dict, tree depth, Hanoi.
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)

memo = {}
def fib(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]

def depth(tree):
    if not isinstance(tree, list):
        return 0
    return 1 + max((depth(t) for t in tree), default=0)

moves = []
def hanoi(n, source, target, spare):
    if n:
        hanoi(n - 1, source, spare, target)
        moves.append((source, target))
        hanoi(n - 1, spare, target, source)

print(factorial(10), factorial(25))
print([fib(i) for i in range(15)], fib(90))
print(depth([1, [2, [3, []]], []]))
hanoi(4, "A", "C", "B")
print(len(moves), moves[:3])
