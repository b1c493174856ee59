# math: inverse hyperbolic functions, cube root and base-2 exponential, with domain errors.
import math

for x in (0.0, 0.5, 1.0, 2.0, -3.0, 10.0):
    print("asinh", x, round(math.asinh(x), 12), round(math.sinh(math.asinh(x)), 9) == round(x, 9))
for x in (1.0, 1.5, 2.0, 10.0, 1e10):
    print("acosh", x, round(math.acosh(x), 12))
for x in (0.0, 0.25, -0.5, 0.9):
    print("atanh", x, round(math.atanh(x), 12), round(math.tanh(math.atanh(x)), 12))
for bad, f in ((0.5, math.acosh), (1.0, math.atanh), (-1.0, math.atanh), (2.0, math.atanh)):
    try:
        f(bad)
        print("no error", bad)
    except ValueError:
        print("ValueError", bad)
print(math.asinh(math.inf), math.acosh(math.inf), math.isnan(math.atanh(math.nan)))
print(math.copysign(1.0, math.asinh(-0.0)), math.copysign(1.0, math.atanh(-0.0)))

for x in (0.0, 1.0, 8.0, 27.0, -8.0, 2.0, 1e-300, 1e300, 0.001):
    print("cbrt", x, math.cbrt(x))
print(math.cbrt(math.inf), math.cbrt(-math.inf), math.isnan(math.cbrt(math.nan)))
print(math.copysign(1.0, math.cbrt(-0.0)))
for x in (0, 1, -1, 3, 0.5, 10, -1074, 1023, 52.5):
    print("exp2", x, math.exp2(x))
print(math.exp2(-math.inf), math.exp2(math.inf), math.exp2(-2000))
try:
    math.exp2(1024)
except OverflowError:
    print("OverflowError")
for f in (math.cbrt, math.exp2, math.asinh, math.acosh, math.atanh):
    try:
        f("1")
    except TypeError:
        print("TypeError", f.__name__)
