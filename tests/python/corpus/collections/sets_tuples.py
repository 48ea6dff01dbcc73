# sets and tuples.
primes = {2, 3, 5, 7}
odds = {1, 3, 5, 7, 9}
print(sorted(primes & odds), sorted(primes | odds), sorted(primes - odds))
print(sorted(primes ^ odds), primes <= {2, 3, 5, 7, 11}, {2} < primes)
primes.add(11)
primes.discard(2)
primes.discard(100)
print(sorted(primes), len(primes), 3 in primes)
try:
    primes.remove(100)
except KeyError as e:
    print("KeyError", e)
print(set(), frozenset([1, 2]) == {1, 2}, sorted(set("mississippi")))
point = (3, 4)
x, y = point
print(point, x, y, point[0], point.count(3), point.index(4))
print((1, 2) + (3,), (0,) * 3, len(()), tuple(range(3)))
print({(1, 2): "tuple keys work"}[(1, 2)])
try:
    point[0] = 1
except TypeError as e:
    print("TypeError:", e)
