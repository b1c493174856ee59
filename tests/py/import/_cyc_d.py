print("_cyc_d start")
import _cyc_c
# only names bound before _cyc_c started importing us are visible yet
D_VALUE = "d sees " + _cyc_c.C_EARLY + ", late bound yet: " + str(hasattr(_cyc_c, "C_LATE"))
print("_cyc_d end")
