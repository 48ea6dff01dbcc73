# Floor division and modulo follow the sign of the divisor.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2)
print(10 / 5, type(10 / 5).__name__)
print(1 + 2 * 3 - 4 / 2)
print(abs(-3), abs(-2.5), round(2.5), round(3.5), round(2.675, 2))
print(round(-0.5), round(1234, -2), round(7.25, 1))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
