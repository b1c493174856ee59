# int(): from strings in many bases, from floats, bools, and user objects; errors.

print(int(), int(0), int(-5), int(3.99), int(-3.99), int(True), int(1e18), int(2.5e20))
print(int("42"), int("  -17  "), int("+8"), int("0"), int("-0"), int("000123"), int("1_000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("777", 8), int("0o777", 8), int("1010", 2), int("0b1010", 2))
print(int("z", 36), int("ZZ", 36), int("10", 3), int("12", 5))
print(int("0x1f", 0), int("0o17", 0), int("0b11", 0), int("99", 0), int("-0x10", 0))
print(int("123456789012345678901234567890"), int("-" + "9" * 25), int("f" * 20, 16))

for bad in ["", " ", "abc", "1.5", "1e3", "0x", "12a", "--1", "1 2", "_1", "1__0", "0b2"]:
    try:
        int(bad)
        print(repr(bad), "accepted")
    except ValueError:
        print(repr(bad), "ValueError")

for s, base in [("9", 8), ("2", 2), ("g", 16), ("0x10", 10), ("010", 0)]:
    try:
        print(int(s, base))
    except ValueError:
        print(repr(s), base, "ValueError")

try:
    int("10", 1)
except ValueError:
    print("ValueError base 1")
try:
    int("10", 37)
except ValueError:
    print("ValueError base 37")
try:
    int(None)
except TypeError:
    print("TypeError None")
try:
    int([1])
except TypeError:
    print("TypeError list")
try:
    int(5, 10)
except TypeError:
    print("TypeError int with base")
for f in [float("inf"), float("nan")]:
    try:
        int(f)
    except (OverflowError, ValueError) as e:
        print(f, type(e).__name__)

# user classes with __int__ and __index__
class Five:
    def __int__(self):
        return 5

class Idx:
    def __index__(self):
        return 7

print(int(Five()), int(Idx()), [0, 1, 2, 3, 4, 5, 6, 7][Idx()], bin(Idx()), hex(Idx()), oct(Idx()))

# bytes to int
print(int(b"42"), int(bytearray(b" 7 ")), int(b"ff", 16))

# round trips through str in several bases
for n in [0, 1, -1, 255, -4096, 2 ** 64 + 5]:
    print(n, bin(n), oct(n), hex(n), int(bin(n), 0) == n, int(hex(n), 16) == n, int(str(n)) == n)
