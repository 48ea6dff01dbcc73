# math: the functions learners use.
import math
print(math.pi, math.e, math.tau)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(3.7))
print(math.gcd(48, 18), math.lcm(4, 6), math.factorial(20))
print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.hypot(3, 4), math.dist((0, 0), (1, 1)))
print(round(math.sin(math.pi / 2), 6), round(math.cos(0), 6), math.log(math.e))
print(math.log10(1000), math.log2(1024), math.log(8, 2), math.exp(0))
print(math.isclose(0.1 + 0.2, 0.3), math.inf > 10 ** 100, math.isnan(math.nan))
print(math.fabs(-3), math.pow(2, 0.5), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.degrees(math.pi), math.radians(180))
