# The format() builtin and format specs for ints, floats, and strings.

for spec in ["", "d", "5d", "<5d", "^5d", ">5d", "05d", "+d", " d", ",d", "_d", "x", "X", "#x", "o", "#o", "b", "#b", "08b", "c"]:
    print(repr(spec), repr(format(65, spec)))

for v in [0, -1, 255, 10 ** 10]:
    print(format(v, ","), format(v, "+012,d"), format(v, "#x"), format(v, "^+12"))

for spec in ["", "f", ".0f", ".2f", "10.3f", "<10.1f", "+.1f", "e", ".2e", "E", "g", ".3g", "G", "%", ".1%", ",.2f", "010.2f"]:
    print(repr(spec), format(1234.5678, spec), format(-0.00012345, spec))

for v in [0.0, -0.0, 1.0, 0.1, 1e100, 1e-100, 123456789.0, 0.5, 2.5]:
    print(repr(v), format(v, ""), format(v, "g"), format(v, ".2f"), format(v, "e"))

print(format(float("inf"), "f"), format(float("-inf"), "e"), format(float("nan"), "g"), format(float("inf"), "10"))

for spec in ["", "s", "10", "<10", ">10", "^10", "*^10", ".2", "10.2", "-<6"]:
    print(repr(spec), repr(format("text", spec)))

print(format(True), format(None), format([1, 2]), format((1,)), format(True, "d"), format(False, "5"))

# specs on the wrong type
for value, spec in [("s", "d"), (1.5, "d"), (1, "s"), ("s", "f"), (1, ".2s")]:
    try:
        print(format(value, spec))
    except ValueError:
        print(repr(value), repr(spec), "ValueError")

# format with a user __format__ and default object formatting
class Celsius:
    def __init__(self, t):
        self.t = t

    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.t * 9 / 5 + 32, spec[:-1]) + "F"
        return format(self.t, spec) + "C"

c = Celsius(21.5)
print(format(c, ".1f"), format(c, ".0F"), f"{c:>8.2f}", "{:.1F}".format(c))

class Plain:
    def __str__(self):
        return "plain-str"

print(format(Plain()), f"{Plain()}", "{}".format(Plain()))
try:
    format(Plain(), "10")
except TypeError:
    print("TypeError non-empty spec for object")
