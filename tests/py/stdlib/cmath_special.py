# cmath: infinite arguments (CPython's special values and its ValueError for
# undefined results), and signed zeros on the axes.

import cmath

inf = float("inf")
vals = [complex(a, b) for a in [0.0, -0.0, 1.0, -2.0, inf, -inf] for b in [0.0, -0.0, 1.5, -1.0, inf, -inf]]
for name in ["exp", "log", "log10", "sqrt", "cosh", "sinh", "tanh", "atanh", "atan", "acosh", "phase", "polar"]:
    f = getattr(cmath, name)
    out = []
    for z in vals:
        try:
            out.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))
