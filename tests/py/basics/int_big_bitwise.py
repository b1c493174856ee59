# Bitwise operations on ints of any size, including negatives (two's complement semantics).

vals = [0, 1, -1, 5, -5, 2 ** 40, -(2 ** 40), 2 ** 70 + 3, -(2 ** 70) - 3, 0xFFFF_FFFF_FFFF_FFFF]
for a in vals:
    for b in [3, -3, 2 ** 65 - 1, -(2 ** 65)]:
        print(a & b, a | b, a ^ b)

for a in vals:
    print(~a, -a - 1 == ~a)

# shifts
print(1 << 100, (1 << 100) >> 99, -1 << 70, (-1 << 70) >> 69)
print(-1 >> 1, -1 >> 100, -5 >> 1, -(2 ** 80) >> 79, (2 ** 80 - 1) >> 79)
print(5 << 0, 5 >> 0, 0 << 1000, 3 >> 64)
for s in [1, 31, 32, 33, 63, 64, 65, 127, 128]:
    print(s, (1 << s) - 1, -(1 << s) >> (s - 1), ((1 << s) | 1) >> s)

try:
    print(1 << -1)
except ValueError:
    print("ValueError negative shift")
try:
    print(1 >> -1)
except ValueError:
    print("ValueError negative shift")

# masking a big value to machine words
h = 0x1234_5678_9ABC_DEF0_1122_3344
print(hex(h & 0xFFFF_FFFF), hex(h >> 64), hex((h << 4) & ((1 << 64) - 1)))

# bit tricks
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c

print(popcount(2 ** 100 - 1), popcount(0xF0F0), popcount(1 << 90))
print((2 ** 90) & -(2 ** 90), (12) & -(12))

# xor swap and parity
a, b = 2 ** 70, 12345
a ^= b
b ^= a
a ^= b
print(a, b)

# bitwise ops require ints (bool counts)
print(True & 3, True | False, True ^ True, type(True & True).__name__)
for bad in ["1.0 & 1", "1 | 2.0", "'a' ^ 1", "~1.5"]:
    try:
        print(eval(bad))
    except TypeError:
        print("TypeError", bad)
