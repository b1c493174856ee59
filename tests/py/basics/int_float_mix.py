# Mixing int and float: promotion, comparisons, conversions, precision.

print(1 + 1.0, 2 * 3.5, 7 - 0.5, 3 / 2, 9 // 2.0, 9 % 2.5)
print(type(1 + 1.0).__name__, type(2 ** 2).__name__, type(2 ** -1).__name__, type(4 / 2).__name__)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3) > 1.99, (-8) ** 2.0)
print(1 == 1.0, 1 < 1.5, 2 > 1.999, -1 == -1.0, 0 == -0.0)
print(10 ** 20 == 1e20, 10 ** 20 + 1 == 1e20, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(10 ** 30 > 1e29, 10 ** 30 < 1e31, -(10 ** 30) < -1e29)
print(float("inf") > 10 ** 400, float("-inf") < -(10 ** 400))
print(max(1, 2.0, 1.5), min(3, 2.5), sorted([3, 1.5, 2, 0.5]))
print(sum([1, 2.5, 3]), sum([0.1] * 10) == 1.0, abs(sum([0.1] * 10) - 1.0) < 1e-9)

# int() truncates toward zero
for f in [2.7, -2.7, 0.5, -0.5, 1e10, -1e15]:
    print(f, int(f))

# round
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2) in (2.67, 2.68), round(1234.5678, -2), round(15, -1), round(25, -1))
print(round(7), type(round(7.2)).__name__, type(round(7.2, 1)).__name__)

# float of big ints and overflow
print(float(2 ** 100), float(-(2 ** 62)))
try:
    float(10 ** 400)
except OverflowError:
    print("OverflowError")
try:
    int(float("inf"))
except OverflowError:
    print("OverflowError inf")
try:
    int(float("nan"))
except ValueError:
    print("ValueError nan")

# mixed operations on big ints
print(2 ** 70 / 2 ** 68, 2 ** 70 * 0.5, (2 ** 70) // 1.5 > 0)
print(1 / 3 * 3 == 1, 0.1 * 3, 3 * 0.1 == 0.3)

# hashing equal numbers equally
print(hash(5) == hash(5.0), {5: "a"}.get(5.0), {2.0: 1}.get(2))
print(5 in [5.0], 5.0 in {5}, 1.5 in {1, 2})
