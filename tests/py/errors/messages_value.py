# exp: hand
# ValueError (and related) messages as MicroPython words them.

import math

cases = [
    lambda: int("abc"),
    lambda: int("12", 2),
    lambda: float("x1"),
    lambda: [1, 2].index(3),
    lambda: [1, 2].remove(3),
    lambda: "abc".index("z"),
    lambda: range(1, 5, 0),
    lambda: chr(-1),
    lambda: math.sqrt(-1),
    lambda: math.log(0),
]
for case in cases:
    try:
        case()
        print("no error")
    except ValueError as e:
        print("ValueError:", e)

# unpacking errors
for values in ([1, 2, 3], [1]):
    try:
        a, b = values
    except ValueError as e:
        print("ValueError:", e)

# ZeroDivisionError messages for every operator and type
for expr in ["1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "1.0 // 0.0", "divmod(5, 0)", "0 ** -1"]:
    try:
        eval(expr)
    except ZeroDivisionError as e:
        print(expr, "->", e)

# OverflowError
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
