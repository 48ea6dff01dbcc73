# Benchmark "loop": a pure-Python loop of 10**7 iterations doing `total += i`.
def loop(n):
    total = 0
    for i in range(n):
        total += i
    return total


print(loop(10_000_000))
