# Arbitrary precision integers: factorials, powers, and round trips.

def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

print(fact(20))
print(fact(21))
print(fact(50))
print(fact(100) // fact(98))
print(len(str(fact(200))))

print(2 ** 64, 2 ** 64 - 1, -(2 ** 63), 2 ** 127 - 1)
print(2 ** 200)
print(3 ** 100)
print((2 ** 200) // (2 ** 190), (2 ** 200) % 1000007)
print(10 ** 40 + 1, 10 ** 40 - 1, -(10 ** 40))

# arithmetic across the small/big boundary
n = 2 ** 62
for _ in range(4):
    print(n, n - 1, n * 2, -n)
    n *= 2
m = 2 ** 70
print(m - m, type(m - m).__name__, (m - m) == 0, m // m, m - (m - 5))

# fibonacci into big territory
a, b = 0, 1
for _ in range(150):
    a, b = b, a + b
print(a)

# comparisons between big and small
print(2 ** 100 > 2 ** 99, -(2 ** 100) < 0, 2 ** 100 == 2 ** 100, 2 ** 64 != 2 ** 64 + 1)
print(sorted([2 ** 70, -5, 2 ** 65, 0, -(2 ** 80)]))
print(max(10 ** 20, 3), min(-(10 ** 20), 3))

# conversions
big = 123456789012345678901234567890
print(str(big), int(str(big)) == big, hex(big), oct(big), bin(2 ** 70))
print(int("9" * 40) + 1)
print(int("-" + "1" * 30), int("ff" * 10, 16))
print(float(2 ** 80), int(1e20), int(-1.5e19))
print(abs(-(10 ** 25)), -(-(10 ** 25)))
print(hash(2 ** 100) == hash(2 ** 100), len(bin(big)) - 2)

# powers and modular exponentiation with big values
print(pow(3, 200, 10 ** 9 + 7), pow(2, 10 ** 5, 1000))
print(pow(12345678901234567890, 3))
print(divmod(10 ** 50, 7 ** 20))

# big ints as dict keys and in sets
d = {2 ** 100: "a", 2 ** 100 + 1: "b"}
print(d[2 ** 100], d[(2 ** 101) // 2 + 1])
print(len({2 ** 80, 2 ** 80, 2 ** 81}))

# multiplication of two big numbers
x = 987654321987654321987654321
y = 123456789123456789123456789
print(x * y, x * y // y == x, (x * y) % x)
print(x + y, x - y, y - x)
