# Float literals: decimal point forms, exponents, underscores, special values.

print(1.0, 1., .5, 0.0, -0.0)
print(1e3, 1E3, 1e+3, 1e-3, 2.5e2, .5e1, 5.e-1)
print(1_000.5, 1_0e1_0 == 1e11, 3.141_592)
print(1e22, 1e-7, 1e16, 1e15, 123456789.0)
print(0.1, 0.2, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(1.5, 2.25, 100.125, -7.75)
print(type(1.).__name__, type(1e0).__name__, type(10).__name__)

# floats that are whole numbers print with a trailing .0
print(3.0, 1e2, float(7), 2 ** 0.5 * 2 ** 0.5 > 1.99)

# repr/str round trip for simple values
for v in [0.5, 0.25, 1.75, 10.0, 1234.5, -0.125]:
    print(repr(v), str(v), float(repr(v)) == v)

# special values
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan)
print(inf > 1e308, -inf < -1e308, nan == nan, nan != nan)
print(1e308 * 10, -1e308 * 10)
print(float("-inf") == -inf, float("Infinity"), float("  3.5  "))

# huge exponents overflow to inf, tiny ones to 0.0
print(1e400, -1e400, 1e-400)

# integer-valued float comparisons with ints
print(1.0 == 1, 2.5 > 2, -0.0 == 0, 1e3 == 1000)
print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0))

# float in a dict key collides with equal int
d = {1: "int"}
d[1.0] = "float"
print(d, len(d))

# bad float literals
for src in ["1e", "1._0", "1__0.0", "1.0_", "e5"]:
    try:
        print(src, eval(src))
    except (SyntaxError, NameError) as e:
        print(src, type(e).__name__)
