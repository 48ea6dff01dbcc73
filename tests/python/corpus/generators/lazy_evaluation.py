# Generators compute on demand; a generator is used up after one pass.
def noisy_range(n):
    for i in range(n):
        print("producing", i)
        yield i

gen = noisy_range(3)
print("created, nothing produced yet")
for value in gen:
    print("consumed", value)
print("second pass:", list(gen))
squares = (x * x for x in noisy_range(4))
print(next(squares))
print(sum(squares))
print(any(x > 1 for x in noisy_range(10)))
