# Floating point arithmetic and printing of results.

print(0.5 + 0.25, 1.5 * 4, 10.0 / 4, 7.0 // 2, 7.5 % 2, 2.0 ** 10, 9.0 ** 0.5)
print(-1.5 * 2, 1e300 * 1e10, -1e300 * 1e10, 1e-300 / 1e100)
print(1.0 / 3, 2.0 / 3, 10 / 3, 100 / 7)
print(3.14159 * 2, 2.718281828 ** 2, 1.1 + 2.2, 1.1 * 1.1)
print(1e16 + 1, 123456789.123456789, 0.000001, 0.0000001)
print(1.0 - 0.9, 100.0 / 3.0, 1 / 7 * 7)
print(abs(-2.5), abs(2.5), -(-0.0), abs(-0.0))

# comparisons and special values
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf == inf - inf, inf * 0 == 0, -inf * -1)
print(nan > 0, nan < 0, nan == 0, nan is nan, [nan] == [nan])
print(min(1.5, 0.5, 2.5), max(-0.0, 0.0), sorted([2.5, -1.0, 0.0, 1e-5]))
print(float("nan") != float("nan"), inf == inf, -inf < inf)
print(1 / inf, -1 / inf, inf / inf == inf / inf)

# float division by zero raises
for expr in ["1.0 / 0", "1.0 // 0.0", "1.0 % 0.0", "0.0 / 0.0", "divmod(1.0, 0.0)"]:
    try:
        print(eval(expr))
    except ZeroDivisionError:
        print(expr, "ZeroDivisionError")

# power edge cases
print(0.0 ** 0, 2.0 ** -1, (-8.0) ** 3, 4.0 ** 0.5, 1.0 ** inf)
try:
    print(0.0 ** -1)
except ZeroDivisionError:
    print("ZeroDivisionError 0.0 ** -1")
print(type((-8.0) ** (1 / 3)).__name__)

# accumulation
acc = 0.0
for i in range(10):
    acc += 0.1
print(acc, acc == 1.0, round(acc, 10) == 1.0)
avg = sum([1.5, 2.5, 3.5, 4.5]) / 4
print(avg)

# str() of floats uses the shortest repr that round-trips
for v in [0.1, 0.3, 1 / 3, 2 / 3, 1e21, 1e-5, 1.5e-7, 12345.6789, 1e100, 5e-324, 1.7976931348623157e308]:
    print(repr(v), float(repr(v)) == v)

# float from strings
for s in ["1.5", "-2.25", "1e3", "  7  ", ".5", "5.", "-inf", "nan", "1_0.5"]:
    print(repr(s), float(s))
for s in ["", "abc", "1.2.3", "1e", "--1"]:
    try:
        float(s)
    except ValueError:
        print(repr(s), "ValueError")
