# cmath: every function on points around the plane (both branch cuts, signed
# zeros), rounded to 12 significant digits; special constants and errors.

import cmath


def fmt(z):
    if isinstance(z, complex):
        return "(%.12g%+.12gj)" % (z.real, z.imag)
    if isinstance(z, tuple):
        return "(%.12g, %.12g)" % z
    if isinstance(z, float):
        return "%.12g" % z
    return repr(z)


points = [0j, 1, -1, 1j, -1j, 0.5 + 0.5j, -2.5 + 1.5j, 3 - 4j, -3 - 4j, complex(-2, 0.0), complex(-2, -0.0),
          complex(0.0, 2), complex(-0.0, -2), 1e-300 + 1e-300j, 1e200 + 1e200j, 7, -0.25]
names = ["exp", "log", "log10", "sqrt", "cos", "sin", "tan", "acos", "asin", "atan", "cosh", "sinh", "tanh",
         "acosh", "asinh", "atanh", "phase", "polar"]
for name in names:
    f = getattr(cmath, name)
    out = []
    for z in points:
        try:
            out.append(fmt(f(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))

for r, phi in [(0, 0), (1, 0), (-1, 0), (2, cmath.pi / 2), (3, -cmath.pi), (1e300, 1e-10), (-0.5, 1)]:
    print("rect", r, phi, fmt(cmath.rect(r, phi)))
print(fmt(cmath.log(8, 2)), fmt(cmath.log(1j, 1j)), fmt(cmath.log(-1, 10)), fmt(cmath.log(100, 10j)))
print(cmath.isclose(1j, 1.0000000001j), cmath.isclose(1, 1.1, abs_tol=0.2), cmath.isclose(1 + 1j, 1 + 1.01j, rel_tol=0.1))
print(cmath.isfinite(1 + 1j), cmath.isfinite(complex(1, cmath.inf)), cmath.isinf(complex(cmath.inf, 0)),
      cmath.isnan(complex(0, cmath.nan)), cmath.isnan(1j))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nanj.imag != cmath.nanj.imag, cmath.nan != cmath.nan)
print(cmath.exp(cmath.inf), cmath.exp(-cmath.inf), cmath.sqrt(-0.0), cmath.sqrt(complex(0.0, -0.0)))
print(cmath.phase(-1.0), cmath.phase(complex(-1.0, -0.0)), cmath.phase(0), cmath.polar(-0.0))

for expr in ["cmath.log(0)", "cmath.log(0j)", "cmath.atanh(1)", "cmath.atanh(-1)", "cmath.atan(1j)", "cmath.log(1, 1)",
             "cmath.exp(1000)", "cmath.cosh(1000)", "cmath.sinh(1000 + 1j)", "cmath.rect(1, cmath.inf)",
             "cmath.sqrt('x')", "cmath.exp([])"]:
    try:
        print(expr, fmt(eval(expr)))
    except TypeError as e:
        print(expr, "TypeError")
    except Exception as e:
        print(expr, type(e).__name__, e)


class WithComplex:
    def __complex__(self):
        return 3 + 4j


class WithFloat:
    def __float__(self):
        return -2.0


class WithIndex:
    def __index__(self):
        return 4


print(cmath.phase(WithComplex()), cmath.polar(WithComplex()), fmt(cmath.sqrt(WithFloat())), fmt(cmath.sqrt(WithIndex())))
