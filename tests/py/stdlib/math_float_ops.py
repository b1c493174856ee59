# math: fsum, hypot, dist, fmod, remainder, modf, frexp, ldexp, copysign,
# nextafter, ulp, isclose, degrees/radians, and the constants.

import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.isnan(math.nan))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum(iter([0.5, 0.25])), math.fsum([1e308, -1e308, 5.0]))
print(math.fsum([1.0, 1e-16, 1e-16]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -52]), math.fsum([math.inf, 1.0]))
print(math.fsum([-math.inf, -1.0]), math.isnan(math.fsum([math.nan, 1.0])))

print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(1, 1, 1), math.hypot(1e200, 1e200))
print(math.hypot(1e-200, 1e-200), math.hypot(math.inf, math.nan), math.hypot(2, 3, 6, 0.5))
print(math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]), math.dist((), ()), math.dist((1.5,), (-2.5,)))

for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (5.5, 2), (-5.5, 2), (1, 0.3), (0.0, 1), (-0.0, 1)]:
    print(a, b, math.fmod(a, b), math.remainder(a, b))
for a, b in [(5, 2), (7, 2), (-5, 2), (3, math.inf), (1e308, 1e-308), (6, 4), (10, 4)]:
    print(a, b, math.remainder(a, b))

for x in [3.75, -3.75, 0.0, -0.0, 5.0, -5.0, 1e300, math.inf, -math.inf]:
    print(x, math.modf(x))
for x in [0.0, -0.0, 1.0, 8.0, -3.5, 0.1, 1e-310, 5e-324, 1.7976931348623157e308, math.inf]:
    m, e = math.frexp(x)
    print(x, m, e, math.ldexp(m, e) == x)
print(math.ldexp(1, 1023), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(0.75, -1073), math.ldexp(-0.0, 5))
print(math.ldexp(3, 2), math.ldexp(1.5, True), math.ldexp(1e-300, 900), math.ldexp(1e300, -2000))

print(math.copysign(1, -0.0), math.copysign(-2, 3), math.copysign(0.0, -1), math.copysign(math.inf, -1))
print(math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0, 1), math.nextafter(0, -1), math.nextafter(2, 2))
print(math.ulp(1.0), math.ulp(0), math.ulp(-10.5), math.ulp(1e308), math.ulp(math.inf), math.ulp(5e-324))

print(math.isclose(1, 1), math.isclose(1, 1 + 1e-10), math.isclose(1, 1.001), math.isclose(1, 1.001, rel_tol=0.01))
print(math.isclose(0, 1e-12), math.isclose(0, 1e-12, abs_tol=1e-10), math.isclose(math.inf, math.inf))
print(math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan), math.isclose(-1, -1.0000000001))
print(math.degrees(math.pi / 2), math.radians(90), math.degrees(-1), math.radians(1), math.degrees(0))
print(math.isfinite(0), math.isfinite(math.nan), math.isinf(10 ** 300), math.isnan(0), math.isinf(-math.inf))
print(math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(2), math.pow(2, 0.5), math.pow(-2, 3), math.pow(4, -0.5))
print(math.atan2(0.0, -0.0), math.atan2(-0.0, -0.0), math.atan2(1, 0), math.atan2(-1, -1), math.exp(1), math.log(math.e))
