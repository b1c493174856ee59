# math: integer functions (factorial, gcd, lcm, comb, perm, isqrt, prod) with
# small and big ints, and floor/ceil/trunc returning (big) ints.

import math

print([math.factorial(n) for n in range(12)])
print(math.factorial(30), math.factorial(100) % (10 ** 40 + 7), len(str(math.factorial(1000))))
print(math.factorial(True), type(math.factorial(20)).__name__)

print(math.gcd(), math.gcd(7), math.gcd(-7), math.gcd(0, 0), math.gcd(12, 18), math.gcd(-12, -18))
print(math.gcd(12, 18, 27), math.gcd(0, 5, 10), math.gcd(2 ** 100, 2 ** 50 * 3 ** 20), math.gcd(3 ** 50, 3 ** 40 * 2))
print(math.lcm(), math.lcm(6), math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(2, 3, 5, 7))
print(math.lcm(2 ** 64, 3 ** 30), math.gcd(True, 4))

print([math.comb(6, k) for k in range(8)])
print(math.comb(100, 50), math.comb(60, 30), math.comb(10 ** 20, 2), math.comb(5, 0), math.comb(0, 0))
print([math.perm(5, k) for k in range(7)], math.perm(6), math.perm(0), math.perm(20, None))
print(math.perm(10 ** 20, 2), math.comb(1000, 3))

print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 2 ** 52 + 1]])
print(math.isqrt(10 ** 40), math.isqrt(10 ** 41), math.isqrt(2 ** 127 - 1), math.isqrt(True))

print(math.prod([]), math.prod([2, 3, 4]), math.prod(range(1, 25)), math.prod([1.5, 2, 4]))
print(math.prod([2, 3], start=10), math.prod(iter([7, 6])), math.prod(["ab"], start=2), math.prod([[1]], start=3))
print(math.prod((x for x in [1j, 2])), math.prod([2 ** 40, 2 ** 40]))

for x in [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.0, 1e15 + 0.5, -1e15 - 0.5, 1e16, 1e20, -1e22, 2.0 ** 80, 1.7e308]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)
for n in [0, -5, True, 2 ** 70, -(2 ** 70)]:
    print(math.floor(n), math.ceil(n), math.trunc(n))


class Num:
    def __floor__(self):
        return "floor"

    def __ceil__(self):
        return "ceil"

    def __trunc__(self):
        return "trunc"

    def __float__(self):
        return 2.5


class Idx:
    def __index__(self):
        return 6


print(math.floor(Num()), math.ceil(Num()), math.trunc(Num()), math.sqrt(Num()), math.fabs(Num()))
print(math.factorial(Idx()), math.gcd(Idx(), 4), math.comb(Idx(), 2), math.isqrt(Idx()), math.sqrt(Idx()))
