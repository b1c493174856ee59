print("_cyc_a start")
import _cyc_b

A_VALUE = "a"


def from_b():
    return _cyc_b.B_VALUE
print("_cyc_a end")
