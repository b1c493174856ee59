# float(): from strings, ints, big ints; repr/str of floats; float methods.

print(float(), float(1), float(-7), float(True), float(2 ** 60), float("1.5"), float("  -2.25\n"))
print(float("1e3"), float("1E-3"), float(".5"), float("5."), float("+1.0"), float("1_000.5"))
print(float("inf"), float("-Infinity"), float("nan"), float("INF"), float(" -iNf "))
for bad in ["", "abc", "1.2.3", "1e", "e1", "--1", "0x10", "1 0", "_1"]:
    try:
        float(bad)
        print(repr(bad), "accepted")
    except ValueError:
        print(repr(bad), "ValueError")
try:
    float(None)
except TypeError:
    print("TypeError None")

# repr of floats is the shortest string that round-trips
for v in [0.1, 0.2, 0.30000000000000004, 1 / 3, 2 / 3, 1e16, 1.5e16, 1e-4, 1e-5, 123.456, 1e22, 1e23, -0.0, 100.0]:
    print(repr(v), str(v))

# float methods
print((2.5).is_integer(), (2.0).is_integer(), (-3.0).is_integer())
print((0.75).as_integer_ratio(), (2.0).as_integer_ratio(), (-0.5).as_integer_ratio())
print((1.5).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"))

# user classes with __float__
class Half:
    def __float__(self):
        return 0.5

print(float(Half()), float(Half()) * 4)

# conversions between int and float at the edges
print(float(2 ** 53) == 2 ** 53, float(2 ** 53 + 1) == 2 ** 53, int(float(2 ** 53 + 1)))
print(int(1e300) == 10 ** 300, int(1e300) > 10 ** 299)
try:
    float(2 ** 2000)
except OverflowError:
    print("OverflowError big int")

# float formatting through str() inside containers
print([0.1, 1.0, 1e-10], (1.5,), {"k": 2.0})
