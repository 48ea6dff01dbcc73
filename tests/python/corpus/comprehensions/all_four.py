# List, set, dict comprehensions and generator expressions.
squares = [n * n for n in range(8)]
print(squares)
evens = [n for n in squares if n % 2 == 0]
print(evens)
print({len(w) for w in ["a", "bb", "cc", "ddd"]})
print({w: len(w) for w in ["apple", "fig", "kiwi"]})
print(sum(n for n in range(101)))
print(max((len(w), w) for w in ["pear", "banana", "plum"]))
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
print([row[i] for i, row in enumerate(matrix)])
print([[row[c] for row in matrix] for c in range(3)])
labels = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print(labels)
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
