# Conditions in comprehensions: filters, conditional expressions, nesting.
nums = range(-5, 6)
print([n for n in nums if n % 2 if n > 0])
print([n if n >= 0 else 0 for n in nums])
print([abs(n) for n in nums if n not in (0, 1)])
fizz = ["FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i
        for i in range(1, 16)]
print(fizz)
triples = [(a, b, c) for c in range(1, 21) for b in range(1, c) for a in range(1, b)
           if a * a + b * b == c * c]
print(triples)
grid = {(r, c): r * c for r in range(3) for c in range(3) if r != c}
print(grid)
print(sum(1 for word in "the quick brown fox jumps".split() if len(word) > 3))
