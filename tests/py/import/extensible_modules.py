# exp: hand
# MicroPython's extensible built-in modules: a module of the same name on sys.path
# (os, time, json, ...) comes before the built-in one and can extend it by
# importing it as u<name> or with an empty sys.path; other built-ins (math, sys)
# and every u<name> always are the built-in module.
import sys

sys.path.insert(0, "_ext")
import math
print(math, hasattr(math, "__file__"))
import usys
print(usys is sys)
import os
print(os.extra, os.getcwd() != "", hasattr(os, "__file__"))
import time
print(time.extra, time.ticks_add(1, 2))
import uos, utime
print(uos is not os, hasattr(uos, "extra"), utime is not time, hasattr(utime, "extra"))
print(utime.ticks_add is time.ticks_add)
