# Circular imports: the partially-initialised module is visible, attributes are read lazily.

import _cyc_a
print(_cyc_a.from_b())
import _cyc_b
print(_cyc_b.from_a())
print(_cyc_a._cyc_b is _cyc_b, _cyc_b._cyc_a is _cyc_a)

# a cycle through `from ... import`: the first module's early names are visible, later ones are not yet
import _cyc_c
print(_cyc_c.D_VALUE, _cyc_c.C_LATE)
import _cyc_d
print(_cyc_d.D_VALUE == _cyc_c.D_VALUE, hasattr(_cyc_d._cyc_c, "C_LATE"))

# importing the cycle again from the other end executes nothing new
import _cyc_b
import _cyc_a
import sys
print(all(name in sys.modules for name in ("_cyc_a", "_cyc_b", "_cyc_c", "_cyc_d")))

# functions defined in the cycle keep working after both modules finish
for _ in range(2):
    print(_cyc_a.from_b() + _cyc_b.from_a())
