# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -3 ** 2, (-3) ** 2)
print(10 - 4 - 3, 2 ** 2 ** 3, 100 / 10 / 5, 7 - -2)
print(1 + 2 == 3, not 1 == 2, not (1 and 0))
print(True or False and False, (True or False) and False)
print(1 < 2 == 2, 5 & 3 | 4, 1 << 2 + 1, ~5 + 1)
print("a" + "b" * 3, [0] * 2 + [1], 3 * "ab" == "ababab")
x = 5
print(x > 3 and x < 10, 3 < x < 10, x if x % 2 else -x)
print(-7 // 2 * 2 + -7 % 2)
