# str.split / rsplit / splitlines: CPython's whitespace rules, maxsplit, separators.

samples = ["", " ", "a", " a ", "a b  c", "  leading", "trailing  ", "\ta\nb\x0bc\x0cd\re\x1cf\x1dg\x1eh\x1fi",
           "a\u00a0b\u2003c\u3000d\u2028e", "one,two,,three,", ",", ",,", "a,b,c"]
for s in samples:
    print(repr(s), s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=0), s.rsplit(maxsplit=0))
    print("   ", s.split(","), s.rsplit(","), s.split(",", 1), s.rsplit(",", 1), s.split(sep=",", maxsplit=2))

print("  a  b  c  ".split(None, 1), "  a  b  c  ".rsplit(None, 1), "  a  b  c  ".split(None, 2), "  a  b  c  ".rsplit(None, 2))
print("aXbXc".split("X", -1), "aXbXc".rsplit("X", -5), "aXXbXXc".split("XX"), "aaa".split("aa"), "aaa".rsplit("aa"))
print("x".split("x"), "".split("x"), "abc".split("abc"), "abcabc".rsplit("abc", 1))
print("héllo wörld ünïcode".split(), "αβγ-δεζ".split("-"), "日本 語".rsplit(None, 1))
try:
    "abc".split("")
except ValueError:
    print("ValueError")
try:
    "abc".rsplit("")
except ValueError:
    print("ValueError")
try:
    "abc".split(1)
except TypeError:
    print("TypeError")

lines = "first\nsecond\r\nthird\rfourth\x0bfifth\x0csixth\x1cseventh\x85eighth\u2028ninth\u2029tenth\n\n"
print(lines.splitlines())
print(lines.splitlines(True))
print(lines.splitlines(keepends=True)[:3], "".splitlines(), "\n".splitlines(), "no newline".splitlines(), "a\n".splitlines(True))

# big inputs
big = " ".join(str(i) for i in range(2000))
parts = big.split()
print(len(parts), parts[0], parts[-1], len(big.split(" ", 10)), big.rsplit(" ", 2)[1:])
csv = ",".join(["x"] * 1000)
print(len(csv.split(",")), csv.count(","), len(csv.rsplit(",", 500)))
