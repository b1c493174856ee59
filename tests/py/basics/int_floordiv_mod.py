# Floor division and modulo follow the sign of the divisor; divmod is consistent.

pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (1, 5), (-1, 5), (1, -5)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, divmod(a, b) == (q, r), q * b + r == a)

# remainder always has the sign of the divisor (or is zero)
for a in range(-6, 7, 3):
    for b in (4, -4):
        r = a % b
        print(a, b, r, r == 0 or (r > 0) == (b > 0))

# floats
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (1.0, 0.3), (-1, 0.25)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))

# big operands
big = 10 ** 30 + 7
print(big // 10, big % 10, (-big) // 10, (-big) % 10)
print(divmod(big, -3), divmod(-big, 3))
print(big // big, big % big, (big * 3) // big)
print(12345678901234567890 // -987654321, 12345678901234567890 % -987654321)
print(-(2 ** 100) // 3, -(2 ** 100) % 3, (2 ** 100) // -(2 ** 50))

# negative zero and floor division with floats
print(-0.0 // 1, 0.0 % -1, -1e-300 % 1 < 1)

# modulo used for wrap-around indexing
ring = "abcde"
print([ring[i % len(ring)] for i in range(-7, 8, 3)])

# errors
for a, b in [(1, 0), (1.5, 0), (0, 0.0), (10 ** 20, 0)]:
    try:
        print(a // b)
    except ZeroDivisionError:
        print("ZeroDivisionError //")
    try:
        print(a % b)
    except ZeroDivisionError:
        print("ZeroDivisionError %")
