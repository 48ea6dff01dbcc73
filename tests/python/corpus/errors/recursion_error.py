# RecursionError: a recursion without a base case.
# transcript: stderr
def countdown(n):
    return countdown(n - 1)

print("start")
countdown(10)
