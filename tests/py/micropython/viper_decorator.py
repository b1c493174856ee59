# exp: hand
# @micropython.viper functions with int-annotated arguments: small-integer arithmetic that gives
# the same answers whether run as viper machine code or (for now) as bytecode.

import micropython


@micropython.viper
def vadd(a: int, b: int) -> int:
    return a + b


@micropython.viper
def vsum(n: int) -> int:
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total


@micropython.viper
def vgcd(a: int, b: int) -> int:
    while b != 0:
        t = a % b
        a = b
        b = t
    return a


@micropython.viper
def vbits(x: int) -> int:
    count = 0
    while x != 0:
        count += x & 1
        x >>= 1
    return count


@micropython.viper
def vmax3(a: int, b: int, c: int) -> int:
    m = a
    if b > m:
        m = b
    if c > m:
        m = c
    return m


@micropython.viper
def vnone():
    pass


print(vadd(2, 3), vadd(-10, 4), vadd(1000, 2000))
print(vsum(10), vsum(1000), vsum(0))
print(vgcd(48, 18), vgcd(17, 5), vgcd(1071, 462))
print(vbits(255), vbits(0), vbits(1 << 20))
print(vmax3(1, 9, 4), vmax3(-5, -2, -9), vmax3(7, 7, 7))
print(vnone())

# viper results are plain ints usable anywhere
print(type(vadd(1, 1)).__name__, vadd(20, 22) == 42, [vadd(i, i) for i in range(4)])
