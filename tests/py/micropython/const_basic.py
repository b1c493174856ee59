# exp: hand
# const(): compile-time integer constants, expressions of constants, and use inside functions.
# Runs under CPython too (const falls back to the identity function), where the output is the same.

try:
    from micropython import const
except ImportError:
    def const(x):
        return x

WIDTH = const(320)
HEIGHT = const(240)
PIXELS = const(WIDTH * HEIGHT)
FLAG_A = const(1 << 0)
FLAG_B = const(1 << 1)
FLAG_C = const(1 << 5)
MASK = const(FLAG_A | FLAG_B | FLAG_C)
NEG = const(-17)
BIG = const(0x7FFFFFFF)

print(WIDTH, HEIGHT, PIXELS, MASK, NEG, BIG)
print(FLAG_A + FLAG_B, MASK & ~FLAG_B, NEG // 4, NEG % 4, BIG + 1)


def in_bounds(x, y):
    return 0 <= x < WIDTH and 0 <= y < HEIGHT


print(in_bounds(0, 0), in_bounds(319, 239), in_bounds(320, 0), in_bounds(-1, 5))


def flags_of(value):
    out = []
    if value & FLAG_A:
        out.append("A")
    if value & FLAG_B:
        out.append("B")
    if value & FLAG_C:
        out.append("C")
    return out


print(flags_of(0), flags_of(3), flags_of(MASK), flags_of(32))

# constants used in loops and ranges
total = 0
for i in range(const(10)):
    total += i * FLAG_C
print(total)

# a constant is still an ordinary int object at run time
print(type(WIDTH).__name__, WIDTH == 320, hash(WIDTH) == hash(320), str(PIXELS))

# constants in default arguments and class bodies
class Screen:
    W = WIDTH
    H = HEIGHT

    def area(self, scale=const(2)):
        return self.W * self.H // scale


print(Screen().area(), Screen().area(4), Screen.W)
