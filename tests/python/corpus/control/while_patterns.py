# while loops: counting, searching, Collatz, digits.
def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

print([collatz_steps(n) for n in range(1, 11)], collatz_steps(27))
number, digits = 90210, []
while number:
    number, digit = divmod(number, 10)
    digits.append(digit)
print(digits[::-1])
balance, years = 1000.0, 0
while balance < 2000:
    balance *= 1.07
    years += 1
print(years, round(balance, 2))
guess, low, high = None, 1, 100
secret = 37
while guess != secret:
    guess = (low + high) // 2
    print("guess", guess)
    if guess < secret:
        low = guess + 1
    else:
        high = guess - 1
