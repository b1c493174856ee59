# str methods returning new strings: case, strip, replace, pad, and more.

s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase())
print("hello world".capitalize(), "HELLO".capitalize(), "".capitalize())
print("hello big world".title(), "they're bill's".title())
print("  padded  ".strip(), "  padded  ".lstrip(), "  padded  ".rstrip(), "xxhixx".strip("x"), "abcba".strip("ab"))
print("\t\n spaces \r\n".strip(), "...dots...".rstrip("."), "".strip())
print(s.replace("l", "L"), s.replace("l", "L", 2), s.replace("xyz", "!"), "aaa".replace("a", "bb"), "abc".replace("", "-"))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("ab".center(6, "*"), "ab".ljust(5, "."), "ab".rjust(5), "abc".center(2), "x".center(4))
print("ab" * 3, 3 * "-", "x" * 0, "x" * -1)
print("a" + "b" + "c", "con" "cat")
print("a\tb\tc".expandtabs(4), "x\ty".expandtabs())

# strings are immutable; methods return new objects
orig = "abc"
up = orig.upper()
print(orig, up, orig is not up)
try:
    orig[0] = "z"
except TypeError:
    print("TypeError item assignment")

# removeprefix / removesuffix
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "abc".removeprefix("z"))

# case of non-ASCII letters
print("straße".upper(), "ÄÖÜ".lower(), "éa".capitalize())

# chained transformations
raw = "   Some Title With Spaces   "
slug = "-".join(raw.strip().lower().split())
print(slug)

# translate-free character replacement via join
print("".join(c if c.isalnum() else "_" for c in "a-b c!d"))

# str() and repr() of str
print(str("x"), repr("x"), repr("it's"), repr('"q"'), repr("a\nb"), repr("\\"))
