# str indexing, iteration, concatenation, comparison, ord/chr, and encoding.

s = "python"
print(s[0], s[-1], s[2:4], len(s), s[::-1], s[1::2])
print([c for c in s], list(enumerate("ab")), "".join(reversed(s)))
try:
    s[6]
except IndexError:
    print("IndexError")
try:
    s["0"]
except TypeError:
    print("TypeError str index")

# ord and chr
print(ord("a"), ord("A"), ord("0"), ord("\n"), ord("é"), ord("€"), ord("🐍"))
print(chr(97), chr(65), chr(233), chr(8364), chr(128013), repr(chr(0)))
print("".join(chr(ord(c) + 1) for c in "HAL"))
try:
    ord("ab")
except TypeError:
    print("TypeError ord")
try:
    chr(-1)
except ValueError:
    print("ValueError chr")

# unicode length and slicing by code point
u = "añb€c🐍d"
print(len(u), u[1], u[3], u[5], u[-2:], u[::2])

# encode/decode
print("café".encode(), "café".encode("utf-8"), b"caf\xc3\xa9".decode(), b"abc".decode("ascii"))
print(len("€".encode()), list("€".encode()))
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeError:
    print("UnicodeError decode")

# comparisons are by code point
print("a" < "b", "Z" < "a", "é" > "z", "abc" < "abd", "ab" < "abc", sorted(["b", "B", "a", "A", "é"]))

# concatenation with other types is an error
try:
    "a" + 1
except TypeError:
    print("TypeError str + int")
try:
    1 + "a"
except TypeError:
    print("TypeError int + str")
print("a" + str(1), "n=%d" % 5)

# string building in a loop
out = ""
for i in range(5):
    out += str(i)
print(out)

# str() constructor
print(str(), str(123), str(-1.5), str([1, "a"]), str(b"x"), str(None), str(str))
print(str(b"caf\xc3\xa9", "utf-8"), str(bytearray(b"ab"), "ascii"))

# multiplication and membership
print("-" * 10, "ab" in "cabd", "ba" in "cabd")

# strings as dict keys and in sets (hashing is content-based)
key = "".join(["ke", "y"])
print({"key": 1}[key], len({"a", "a", "b"}))

# iteration produces one-character strings
print([type(c).__name__ for c in "ab"], [len(c) for c in "a€🐍"])
