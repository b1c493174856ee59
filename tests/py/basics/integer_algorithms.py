# Small integer algorithms of the kind real programs run.

def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    f = 3
    while f * f <= n:
        if n % f == 0:
            return False
        f += 2
    return True

print([n for n in range(60) if is_prime(n)])
print(is_prime(2 ** 31 - 1), is_prime(10 ** 9 + 7), is_prime(10 ** 9 + 9), is_prime(2 ** 32 + 1))

def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return [i for i, f in enumerate(flags) if f]

print(len(sieve(10000)), sieve(10000)[-3:])

def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = ""
    while n:
        n, d = divmod(n, base)
        out = digits[d] + out
    return sign + out

print(to_base(255, 2), to_base(255, 16), to_base(-1000, 36), to_base(2 ** 64, 7))
print(int(to_base(123456789, 36), 36))

def crc8(data):
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            if crc & 0x80:
                crc = ((crc << 1) ^ 0x07) & 0xFF
            else:
                crc = (crc << 1) & 0xFF
    return crc

print(crc8(b"123456789"), crc8(b""), crc8(b"hello world"))

def fnv1a_64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h

print(hex(fnv1a_64(b"")), hex(fnv1a_64(b"a")), hex(fnv1a_64(b"foobar")))

def xorshift64(state):
    x = state
    x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
    x ^= x >> 7
    x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
    return x

s = 88172645463325252
seq = []
for _ in range(5):
    s = xorshift64(s)
    seq.append(s % 1000)
print(seq, s)

def lcm(a, b):
    x, y = a, b
    while y:
        x, y = y, x % y
    return a * b // x

acc = 1
for k in range(1, 31):
    acc = lcm(acc, k)
print(acc)

print(sum(int(d) for d in str(2 ** 1000)))
print(bin(0b1011 ^ 0b0110), 0o777 & 0o070, hex(0xABCD >> 4 << 4))
