# math: constants, rounding, powers, logs, trig, and special values.

import math

print(math.pi, math.e, math.inf, -math.inf, math.isnan(math.nan), math.tau == 2 * math.pi)
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), type(math.floor(1.5)).__name__)
print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.exp(0), math.exp(1) == math.e)
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log(1))
print(math.fabs(-3), math.copysign(3, -0.0), math.fmod(7, -3), math.fmod(-7, 3), math.modf(3.75), math.modf(-2.5))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.hypot(3, 4), math.degrees(math.pi), math.radians(180))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(1.0))
print(math.factorial(10), math.factorial(25), math.gcd(12, 18), math.gcd(0, 5), math.gcd(2 ** 40, 6 ** 15))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1))

# trig identities, rounded to avoid last-digit differences
for x in [0, math.pi / 6, math.pi / 4, math.pi / 3, math.pi / 2, math.pi]:
    print(round(math.sin(x), 10), round(math.cos(x), 10), round(math.sin(x) ** 2 + math.cos(x) ** 2, 12))
print(round(math.tan(math.pi / 4), 12), round(math.atan(1) * 4, 12), round(math.atan2(1, -1), 12), round(math.asin(1), 12), round(math.acos(0), 12))
print(round(math.sinh(1), 12), round(math.cosh(0), 12), round(math.tanh(0), 12))

# domain errors
for fn, arg in [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 2)]:
    try:
        fn(arg)
        print("no error")
    except ValueError:
        print(fn.__name__, arg, "ValueError")
try:
    math.factorial(-1)
except ValueError:
    print("factorial ValueError")
try:
    math.exp(1000)
except OverflowError:
    print("exp OverflowError")

# floor/ceil of big floats give exact ints
print(math.floor(1e20), math.ceil(-1e20), math.floor(2 ** 70 + 0.0) == 2 ** 70)

# isqrt and comb/perm
print(math.isqrt(10 ** 20 + 1), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
