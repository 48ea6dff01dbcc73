# Python's int is unbounded: big results never wrap.
import math
print(2 ** 100)
print(2 ** 64 - 1, -(2 ** 63))
print(math.factorial(30))
print(10 ** 30 // 7, 10 ** 30 % 7)
print(-(10 ** 25) // 3, -(10 ** 25) % 3)
big = 1
for i in range(1, 26):
    big *= i
print(big, len(str(big)))
print(hex(2 ** 70), bin(2 ** 20))
print(int("123456789012345678901234567890") + 1)
print((2 ** 100).bit_length(), 3 ** 50 > 2 ** 79)
print(pow(3, 200, 1000), pow(2, 100) == 1 << 100)
print(f"{2 ** 80:,}")
