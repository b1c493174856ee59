# Floor division, modulo and divmod of big ints of many shapes (short and long
# quotients, one-limb and many-limb divisors, every sign), checked against
# the identity a == q*b + r with 0 <= |r| < |b| and r having b's sign, and
# summarised by a checksum compared with CPython's output.

state = 12345


def rnd(bits):
    # A deterministic pseudo-random int of up to `bits` bits.
    global state
    r = 0
    while bits > 0:
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        take = min(bits, 61)
        r = (r << take) | (state >> (64 - take))
        bits -= take
    return r


def check(a, b):
    q = a // b
    r = a % b
    assert divmod(a, b) == (q, r), (a, b)
    assert q * b + r == a, (a, b)
    if b > 0:
        assert 0 <= r < b, (a, b)
    else:
        assert b < r <= 0, (a, b)
    return (q ^ (r * 3)) % 1000000007


total = 0
count = 0
shapes = [
    (200, 100), (700, 640), (5000, 4990), (9000, 8950), (20000, 19950), (20000, 9000),
    (20000, 4100), (30000, 64), (30000, 33), (30000, 32), (500, 63), (130, 65),
    (129, 128), (9000, 9000), (12000, 3000), (65 * 64 * 3, 65 * 64), (4096, 4095),
]
for abits, bbits in shapes:
    for _ in range(6):
        a = rnd(abits) | 1
        b = rnd(bbits) | 1
        for sa in (1, -1):
            for sb in (1, -1):
                total = (total + check(sa * a, sb * b)) % 1000000007
                count += 1
print(count, total)

# Exact divisions, divisors that are powers of two, and remainders of zero.
for bits in (64, 65, 128, 129, 4000, 9000):
    b = rnd(bits) | (1 << (bits - 1))
    for k in (1, 2, 3, (1 << 64) - 1, 1 << 64, rnd(3000) + 1):
        for s in (1, -1):
            a = s * b * k
            print(bits, a // b == s * k, a % b, (-a) // b == -s * k, divmod(a, -b)[1])
for n in (63, 64, 65, 127, 128, 4000):
    p = 1 << n
    print(n, (p * 7 + 5) // p, -(p * 7 + 5) // p, (p * 7 + 5) % -p == 5 - p, (-p) // (p - 1))

# Quotient digit estimates that must be corrected (divisor top limbs all ones).
b = (1 << 200) - 1
a = (1 << 1000) - 1
print(a // b == sum(1 << (200 * i) for i in range(5)) - 0, a % b)
a = (1 << 1000) + (1 << 800)
print(a // b, a % b)
print((-a) // b, (-a) % b)

# Big times a machine word, both signs; and right shifts of negative big ints.
x = rnd(5000)
for k in (0, 1, -1, 3, -3, (1 << 47) - 1, -(1 << 47), 12345678901):
    assert x * k == k * x
    print(k, (x * k) % 1000000007, (-x * k) % 1000000007, (x * k) // x == k)
for n in (0, 1, 63, 64, 65, 4999, 5000, 5001, 10 ** 6):
    print(n, (-x >> n) % 1000000007, (x >> n) % 1000000007, (-x >> n) == -((x + (1 << n) - 1) >> n))
print((-(1 << 200)) >> 200, (-(1 << 200) - 1) >> 200, (-(1 << 200) + 1) >> 200)

# Errors.
for a, b in ((1 << 100, 0), (-(1 << 100), 0), (0, 0)):
    for f in (lambda: a // b, lambda: a % b, lambda: divmod(a, b)):
        try:
            f()
        except ZeroDivisionError:
            print("ZeroDivisionError")
