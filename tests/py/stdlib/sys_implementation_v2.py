# exp: hand
# sys.implementation._v2: krait has MicroPython 2's CPython-like semantics, which
# programs and test suites detect so: array items are range-checked.
import sys
from array import array

print(sys.implementation.name, sys.implementation._v2)
for code, value in [("B", -1), ("b", 128), ("H", 65536), ("q", 2**63)]:
    try:
        array(code, [value])
        print(code, "stored")
    except OverflowError:
        print(code, "OverflowError")
