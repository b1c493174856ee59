# math: special functions (erf, erfc, gamma, lgamma), exp/log variants and
# hyperbolic functions, printed to 12 significant digits.

import math


def show(name, xs):
    f = getattr(math, name)
    out = []
    for x in xs:
        try:
            out.append("%.12g" % f(x))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))


xs = [-3.5, -1.0, -0.5, -0.0, 0.0, 1e-300, 0.25, 0.5, 1.0, 2.0, 4.5, 10.0, 30.0]
for name in ["erf", "erfc", "expm1", "log1p", "exp2", "cbrt", "sinh", "cosh", "tanh", "asinh", "atan"]:
    show(name, xs)

show("gamma", [0.5, 1.0, 1.5, 2.0, 5.0, 10.5, 23.0, 24.0, 100.0, 171.5, 172.0, -0.5, -1.5, -2.5, -170.5, -1.0, 0.0])
show("lgamma", [0.5, 1.0, 1.5, 2.0, 3.0, 10.5, 100.0, 1e5, 1e300, -0.5, -1.5, -2.5, -100.5, -2.0, 0.0])
show("acosh", [1.0, 1.5, 2.0, 10.0, 1e10, 1e300, 0.5, -1.0])
show("atanh", [-0.99, -0.5, 0.0, 0.5, 0.99, 1.0, -1.0, 2.0])
show("log2", [1, 2, 3, 1024, 0.5, 1e-300, 2 ** 100, 10 ** 400])
show("log10", [1, 10, 0.001, 5, 10 ** 50, 10 ** 400])

# exact results where the libm answer is exact
print(math.gamma(5), math.gamma(1), math.lgamma(1), math.lgamma(2), math.erf(0), math.erfc(0))
print(math.expm1(0), math.log1p(0), math.sinh(0), math.tanh(math.inf), math.tanh(-math.inf))
print(math.gamma(math.inf), math.lgamma(math.inf), math.lgamma(-math.inf), math.erf(math.inf), math.erfc(-math.inf))
print(math.isnan(math.gamma(math.nan)), math.isnan(math.erf(math.nan)), math.isnan(math.lgamma(math.nan)))

# identities
for x in [0.1, 0.7, 1.9, 3.3]:
    print(round(math.erf(x) + math.erfc(x), 14), round(math.gamma(x + 1) / (x * math.gamma(x)), 12),
          round(math.exp(math.lgamma(x)) / math.gamma(x), 12))
