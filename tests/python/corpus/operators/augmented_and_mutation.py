# += on a list mutates it in place; + makes a new list. Names share objects.
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
s = "ab"
s *= 2
print(s)
counts = {"x": 1}
counts["x"] += 1
counts["y"] = counts.get("y", 10) - 1
print(counts)
matrix = [[0, 0], [0, 0]]
matrix[1][0] += 5
print(matrix)
n = 7
n //= 2; n **= 2; n -= 1
print(n)
