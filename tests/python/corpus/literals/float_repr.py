# Floats print as the shortest string that reads back as the same number.
for x in [0.1, 1.1, 2.675, 100.0, 1e22, 1e16, 1e-5, 0.0001, 123456789.123456789, 1/3, 2/3]:
    print(repr(x), str(x))
print(0.1 + 0.7, 0.1 * 3, 1.0 - 0.9, 9.95 * 100)
print(float(10 ** 16), float(2 ** 53) + 1, 2 ** 53 + 1)
print(1.5e-7, 5e-324, 1.7976931348623157e308)
print(-0.0, 0.0 == -0.0, round(0.5), round(1.5), round(-0.5))
print(3 * 0.1 == 0.3, abs(3 * 0.1 - 0.3) < 1e-9)
print(int(1e20), int(-2.9e3), 7 / 2, 7 // 2.0, 7 % 2.5)
