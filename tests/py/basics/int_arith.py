# Integer arithmetic on small values, with signs and identities.

a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a + b, -a - b, -a * b, -a / b, -a // b, -a % b)
print(b - a, 0 - a, a - a, a * 0, 0 * -a, -0)
print(1 / 4, 3 / 3, 10 / 4, type(10 / 5).__name__)
print(abs(-7), abs(7), abs(0), -(-7))
print(2 ** 10, 2 ** 0, 0 ** 0, 1 ** 1000, (-1) ** 1001, (-2) ** 3)
print(2 ** -2, 10 ** -1, type(2 ** -1).__name__)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 4, 5), pow(-3, 3, 7), pow(7, 0, 1))

# order of operations with integers
print(7 + 3 * 2 - 8 // 3 % 2)
print((7 + 3) * (2 - 8) // 3)

# accumulate in loops
total = 0
for i in range(1, 101):
    total += i
print(total)
prod = 1
for i in range(1, 11):
    prod *= i
print(prod)

# integer results of mixed sign products and quotients
for p, q in [(3, 4), (-3, 4), (3, -4), (-3, -4)]:
    print(p * q, p // q, p % q, -p * -q)

# division by zero
for op in ["1 / 0", "1 // 0", "1 % 0", "divmod(1, 0)", "0 ** -1"]:
    try:
        print(eval(op))
    except ZeroDivisionError:
        print(op, "ZeroDivisionError")

# ints are immutable and hashable; equal ints are interchangeable
x = 1000
y = 999 + 1
print(x == y, hash(x) == hash(y), {x: "k"}[y])
print(int(True) + int(False), True + True, True * 10, -True)

# pow with three arguments requires ints
try:
    pow(2.0, 3, 5)
except TypeError:
    print("TypeError pow float modulus")
try:
    pow(2, -1, 5) == 3 and print("modular inverse", pow(2, -1, 5))
except ValueError:
    print("ValueError inverse")
