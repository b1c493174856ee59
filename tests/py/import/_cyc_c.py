print("_cyc_c start")
C_EARLY = "c-early"
from _cyc_d import D_VALUE
C_LATE = "c-late"
print("_cyc_c end, got", D_VALUE)
