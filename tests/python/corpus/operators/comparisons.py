# Chained comparisons, identity and membership.
x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4)
print(1 == 1.0, 1 != 2, "a" < "b", [1, 2] < [1, 3])
print((1, 2) == (1, 2), (1, 2) < (1, 2, 0), "abc" < "abd")
print(3 in [1, 2, 3], "ell" in "hello", "k" not in {"k": 1})
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None == None, None is None)
calls = []
def probe(v):
    calls.append(v)
    return v
print(probe(1) < probe(2) < probe(0) < probe(5))
print(calls)
