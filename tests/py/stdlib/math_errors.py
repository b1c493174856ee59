# math: domain errors (ValueError), range errors (OverflowError), argument
# type errors (TypeError) and division by zero, as CPython raises them.

import math

cases = [
    ("sqrt", (-1,)), ("sqrt", (-0.0,)), ("log", (0,)), ("log", (-1.5,)), ("log", (0.0,)),
    ("log", (10, 1)), ("log", (10, 0)), ("log", (10, -2)), ("log2", (0,)), ("log10", (-10,)),
    ("log1p", (-1,)), ("log1p", (-2,)), ("acos", (1.5,)), ("asin", (-2,)), ("acosh", (0.5,)),
    ("atanh", (1,)), ("atanh", (-1.5,)), ("exp", (1000,)), ("exp", (-1000,)), ("expm1", (800,)),
    ("exp2", (2000,)), ("cosh", (1000,)), ("sinh", (-1000,)), ("pow", (0, -1)), ("pow", (-8, 1 / 3)),
    ("pow", (10, 400)), ("pow", (math.inf, -1)), ("pow", (math.nan, 0)), ("pow", (1, math.nan)),
    ("fmod", (1, 0)), ("fmod", (math.inf, 2)), ("fmod", (5, math.inf)), ("remainder", (1, 0)),
    ("remainder", (math.inf, 1)), ("cos", (math.inf,)), ("sin", (-math.inf,)), ("tan", (math.inf,)),
    ("gamma", (0,)), ("gamma", (-3,)), ("gamma", (-math.inf,)), ("gamma", (180,)), ("lgamma", (-4,)),
    ("lgamma", (0,)), ("ldexp", (1.0, 1024)), ("ldexp", (1.0, 10 ** 20)), ("ldexp", (1.0, -(10 ** 20))),
    ("ldexp", (math.inf, -5)), ("factorial", (-1,)), ("factorial", (2.0,)), ("comb", (-1, 2)),
    ("comb", (4, -2)), ("perm", (3, -1)), ("isqrt", (-4,)), ("floor", (math.inf,)), ("ceil", (math.nan,)),
    ("trunc", (-math.inf,)), ("sqrt", ("4",)), ("floor", ("x",)), ("gcd", (1.5, 2)), ("lcm", (2, "3")),
    ("sqrt", (10 ** 400,)), ("exp", (10 ** 400,)), ("fsum", ([1e308, 1e308],)),
    ("fsum", ([math.inf, -math.inf],)), ("fsum", ([math.inf, 1.0, math.inf],)), ("dist", ((1, 2), (1,))),
    ("hypot", ("a", 1)), ("copysign", (1, None)),
]
for name, args in cases:
    try:
        r = getattr(math, name)(*args)
        print(name, args, "->", r)
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(name, args, "->", type(e).__name__)

# the messages of the common errors
for expr in ["math.sqrt(-1)", "math.exp(1000)", "math.floor(math.inf)", "math.floor(math.nan)",
             "math.factorial(-5)", "math.isqrt(-1)", "math.isclose(1, 2, rel_tol=-1)", "math.fsum([1e308, 1e308])",
             "math.fsum([math.inf, -math.inf])", "math.dist((1, 2), (3,))", "math.comb(-1, 0)", "math.comb(1, -1)"]:
    try:
        eval(expr)
    except Exception as e:
        print(expr, type(e).__name__, e)

# non-finite inputs that are not errors
print(math.sqrt(math.inf), math.exp(-math.inf), math.log(math.inf), math.atan(math.inf), math.atan2(math.inf, math.inf))
print(math.isnan(math.sqrt(math.nan)), math.fabs(-math.inf), math.copysign(math.inf, -0.0), math.hypot(math.inf, math.nan))
print(math.pow(math.inf, 0), math.pow(0, 0), math.pow(-math.inf, 3), math.pow(-math.inf, 2), math.pow(-math.inf, -3))
print(math.pow(2, -math.inf), math.pow(0.5, -math.inf), math.pow(-1, math.inf), math.pow(1, math.inf))
