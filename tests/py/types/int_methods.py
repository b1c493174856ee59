# int methods: bit_length, to_bytes, from_bytes, and attributes.

for n in [0, 1, 2, 255, 256, -1, -128, -129, 2 ** 64, -(2 ** 64), 10 ** 30]:
    print(n, n.bit_length())

print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, "big"))
print((0).to_bytes(1, "big"), (255).to_bytes(1, "little"), (2 ** 64 - 1).to_bytes(8, "big"))
print((-1).to_bytes(1, "big", signed=True), (-256).to_bytes(2, "big", signed=True), (127).to_bytes(1, "big", signed=True))
print((2 ** 100).to_bytes(13, "big"), (2 ** 100).to_bytes(16, "little"))
for n, size, signed in [(256, 1, False), (-1, 1, False), (128, 1, True)]:
    try:
        n.to_bytes(size, "big", signed=signed)
    except OverflowError:
        print(n, size, signed, "OverflowError")

print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"), int.from_bytes(b"", "big"))
print(int.from_bytes(b"\xff", "big", signed=True), int.from_bytes(b"\xff\x7f", "little", signed=True), int.from_bytes(b"\x80\x00", "big", signed=True))
print(int.from_bytes(bytes(range(1, 17)), "big"), int.from_bytes(bytearray(b"\x01\x02"), "little"))
print(int.from_bytes([1, 0], "big"))

# round trips
for n in [0, 1, 12345, 2 ** 63, 2 ** 127 + 3]:
    size = max(1, (n.bit_length() + 7) // 8)
    print(n, int.from_bytes(n.to_bytes(size, "big"), "big") == n, int.from_bytes(n.to_bytes(size, "little"), "little") == n)
for n in [-1, -128, -(2 ** 70)]:
    size = (n.bit_length() + 8) // 8
    print(n, int.from_bytes(n.to_bytes(size, "little", signed=True), "little", signed=True) == n)

# attributes shared with other numbers
print((5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate(), True.real)

# bit_count (popcount)
print((0b101101).bit_count(), (-7).bit_count(), (2 ** 100 - 1).bit_count())

# as_integer_ratio and is_integer
print((7).as_integer_ratio(), (-3).as_integer_ratio())
