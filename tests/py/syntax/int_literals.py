# Integer literals in every base, with underscores, and their edge cases.

print(0, 00, 0_0)
print(123, -123, +123)
print(1_000_000, 1_0, 9_9_9)
print(0x1F, 0XfF, 0x_dead_beef, 0xDEADBEEF)
print(0o17, 0O777, 0o_1_2)
print(0b1010, 0B11111111, 0b_1000_0000)

# big literals go straight to arbitrary precision
print(123456789012345678901234567890)
print(0xFFFFFFFFFFFFFFFFFFFFFFFF)
print(0b1 << 70)
print(0o7777777777777777777777777)
print(1_000_000_000_000_000_000_000)

# boundaries of common machine word sizes
print(2147483647, 2147483648, -2147483648, -2147483649)
print(9223372036854775807, 9223372036854775808)
print(-9223372036854775808, -9223372036854775809)
print(0x7fffffffffffffff + 1 == 0x8000000000000000)
print(0x3fffffff, 0x40000000, 0x3fffffffffffffff, 0x4000000000000000)

# literals in expressions
print(0x10 + 0o10 + 0b10 + 10)
print(-0x10, ~0b0, -0o0)
print(type(0x10).__name__, type(10**30).__name__)

# attribute access on int literals needs a space or parentheses
print(5 .bit_length(), (255).bit_length(), 0x10 .bit_length())

# the same value written many ways compares equal
values = [255, 0xff, 0o377, 0b11111111, 2_5_5]
print(all(v == 255 for v in values), len(set(values)))

# invalid literals are syntax errors
for src in ["0x", "1__0", "1_", "0b2", "0o8", "012", "0x_", "0b"]:
    try:
        eval(src)
        print(src, "accepted")
    except SyntaxError:
        print(src, "SyntaxError")

# int() parses the same spellings when given a base
print(int("ff", 16), int("0xff", 16), int("0o17", 8), int("0b101", 2))
print(int("1_000"), int("0x1f", 0), int("0o17", 0), int("0b11", 0), int("10", 0))
print(int("  42  "), int("-42"), int("+7"))
