# if / elif / else, nested conditions and the conditional expression.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        if n > 100:
            return "big even"
        return "even"
    else:
        return "odd"

for n in [-5, 0, 4, 7, 200]:
    print(n, classify(n))
temperature = 25
state = "hot" if temperature > 30 else "warm" if temperature > 20 else "cold"
print(state)
if []:
    print("not printed")
elif not {}:
    print("empty dict is falsy")
