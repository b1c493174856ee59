# cmath: trigonometric and inverse trigonometric functions, their hyperbolic forms and log10,
# checked against values and against each other (results rounded to 10 places).
import cmath


def r(z):
    z = complex(z)
    return complex(round(z.real, 10) + 0.0, round(z.imag, 10) + 0.0)


points = (0j, 0.5 + 0j, 1 + 1j, -2 + 0.5j, 0.3 - 1.7j, 3j, -1.5 - 2j)
for z in points:
    print("z", z)
    print("  sin cos tan", r(cmath.sin(z)), r(cmath.cos(z)), r(cmath.tan(z)))
    print("  tanh", r(cmath.tanh(z)))
    print("  asin acos", r(cmath.asin(z)), r(cmath.acos(z)))
    print("  asinh acosh", r(cmath.asinh(z)), r(cmath.acosh(z)))
    # identities
    print("  sin^2+cos^2", r(cmath.sin(z) ** 2 + cmath.cos(z) ** 2))
    print("  sin(asin)", r(cmath.sin(cmath.asin(z))) == r(z), "cos(acos)", r(cmath.cos(cmath.acos(z))) == r(z))
    print("  sinh(asinh)", r(cmath.sinh(cmath.asinh(z))) == r(z), "cosh(acosh)", r(cmath.cosh(cmath.acosh(z))) == r(z))
    print("  tanh=sinh/cosh", r(cmath.tanh(z)) == r(cmath.sinh(z) / cmath.cosh(z)))

# real arguments outside the real functions' domains
print(r(cmath.asin(2)), r(cmath.acos(2)), r(cmath.acosh(0.5)), r(cmath.asinh(-3)))
# log10
for z in (1, 10, 100 + 0j, -10, 1j, 1e-5, 2 + 3j):
    print("log10", z, r(cmath.log10(z)))
try:
    cmath.log10(0)
except ValueError:
    print("ValueError log10(0)")
print(r(10 ** cmath.log10(3 + 4j)))
# ints and floats are accepted
print(r(cmath.sin(1)), r(cmath.cos(0.0)), r(cmath.tan(0)), r(cmath.tanh(1)))
try:
    cmath.sin("x")
except TypeError:
    print("TypeError")
