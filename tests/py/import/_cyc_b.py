print("_cyc_b start")
import _cyc_a

B_VALUE = "b"


def from_a():
    # _cyc_a is only partially initialised while this module runs, so look up lazily
    return _cyc_a.A_VALUE
print("_cyc_b end, _cyc_a has A_VALUE:", hasattr(_cyc_a, "A_VALUE"))
