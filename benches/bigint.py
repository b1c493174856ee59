# Big integers: factorial by repeated multiplication and its decimal digits,
# Fibonacci numbers far past 64 bits (iterative and by fast doubling),
# modular exponentiation with a 127-bit modulus, a 256-bit LCG, a big-int
# Euclid gcd, shifts and masks.
import sys

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)  # CPython >= 3.11 limits int -> str otherwise

def factorial(n):
    r = 1
    for k in range(2, n + 1):
        r *= k
    return r


def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_doubling(n):
    # returns (F(n), F(n+1))
    if n == 0:
        return 0, 1
    a, b = fib_doubling(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n & 1:
        return d, c + d
    return c, d


def digit_sum(x):
    return sum(ord(ch) - 48 for ch in str(x))


def main(n):
    f = factorial(n)
    fs = digit_sum(f)
    trailing = 0
    t = f
    while t % 10 == 0:
        t //= 10
        trailing += 1
    fi = fib_iter(n * 10)
    fd, _ = fib_doubling(n * 10)
    same = fi == fd
    m = (1 << 127) - 1
    acc = 0
    for k in range(1, n // 4):
        acc ^= pow(k * 7919 + 3, fi % 100003 + k, m)
    lcg = 1
    big_mod = (1 << 256) - 189
    for k in range(n * 40):
        lcg = (lcg * 6364136223846793005 + k) % big_mod
    gcd_a, gcd_b = fi, f
    while gcd_b:
        gcd_a, gcd_b = gcd_b, gcd_a % gcd_b
    print("bigint", n, len(str(f)), fs, trailing, same, fi.bit_length(), fi % 1000000007,
          acc % 1000000007, lcg % 1000000007, gcd_a.bit_length(), (f >> (3 * n)) & 0xFFFF, hex(fi & 0xFFFFFFFF))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 7000)
