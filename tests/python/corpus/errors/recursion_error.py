# RecursionError: a recursion without a base case.
def countdown(n):
    return countdown(n - 1)

print("start")
countdown(10)
