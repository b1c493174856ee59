# exp: hand
# AttributeError and NameError messages as MicroPython words them.

class Sensor:
    unit = "C"

    def __init__(self):
        self.value = 20

    @property
    def reading(self):
        return self.value


s = Sensor()
cases = [
    lambda: s.missing,
    lambda: Sensor.missing,
    lambda: (5).missing,
    lambda: "text".missing,
    lambda: [].missing,
    lambda: None.missing,
    lambda: setattr(5, "x", 1),
    lambda: delattr(s, "nope"),
]
for case in cases:
    try:
        case()
        print("no error")
    except AttributeError as e:
        print("AttributeError:", e)

import math
try:
    math.nothing
except AttributeError as e:
    print("AttributeError:", e)

try:
    undefined_global
except NameError as e:
    print("NameError:", e)


def uses_local():
    total = total + 1
    return total


try:
    uses_local()
except NameError as e:
    print("NameError:", e)
