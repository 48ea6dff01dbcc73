# Returning several values, returning early, and the implicit None.
def min_max(values):
    if not values:
        return None
    return min(values), max(values)

def describe(n):
    if n < 0:
        return "negative"
    if n == 0:
        return "zero"
    print("positive branch")

print(min_max([4, 1, 9]), min_max([]))
low, high = min_max(range(10))
print(low, high)
print(describe(-1), describe(0), describe(5))
def nothing():
    return
print(nothing(), nothing() is None)
