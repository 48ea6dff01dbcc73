# Benchmark "cpu_bound": seed 001's cpu_bound(1), a generator expression over 2,000,000 ints.
def cpu_bound(n):
    return sum((i * i) % (n + 1) for i in range(2000000))


print(cpu_bound(1))
