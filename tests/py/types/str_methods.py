# str methods: searching, affixes, padding, replacing, predicates, case, translate.

s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.find("hello", 1, 10), s.find("zz"), s.find(""))
print(s.rfind("hello"), s.rfind("hello", 0, 12), s.rfind("o", -5), s.rfind("", 3), s.rfind("", 100))
print(s.index("world"), s.rindex("o"), s.find("o", -3, -1), s.find("", 30), s.find("", 25))
print(s.count("o"), s.count("o", 5), s.count("o", 5, 15), s.count(""), s.count("", 24), s.count("", 30))
print("aaaa".count("aa"), "aaa".replace("aa", "b"), "".count(""), "abc".find("c", None, None))
for bad in [("x",), ("o", 30, 0)]:
    try:
        s.index(*bad)
    except ValueError as e:
        print("ValueError", e)
try:
    s.rindex("zz")
except ValueError:
    print("ValueError rindex")

print(s.startswith("hello"), s.startswith("world", 6), s.startswith(("x", "he")), s.startswith("lo", 3, 5))
print(s.endswith("python"), s.endswith("world", 0, 11), s.endswith(("a", "on")), s.endswith(""), "".endswith(""))
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("c", -1), "abc".startswith("a", -10))
try:
    s.startswith(1)
except TypeError:
    print("TypeError startswith int")
try:
    s.endswith(["x"])
except TypeError:
    print("TypeError endswith list")

# padding
print("[" + "ab".center(7) + "]", "[" + "ab".center(7, "*") + "]", "[" + "abc".center(6, "-") + "]")
print("[" + "ab".ljust(5) + "]", "[" + "ab".rjust(5, "0") + "]", "[" + "abcdef".center(3) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3), "-".zfill(3))
try:
    "x".center(5, "ab")
except TypeError:
    print("TypeError fill")
print("a\tb\tc".expandtabs(), "a\tb".expandtabs(4), "ab\n\tx".expandtabs(2), "\t".expandtabs(0) == "")

# replace / removeprefix / removesuffix
print("a-b-c-d".replace("-", "+"), "a-b-c-d".replace("-", "", 2), "abc".replace("", "|"), "abc".replace("", "|", 2))
print("aaa".replace("a", "bb", 0), "aaa".replace("a", "bb", -1), "xyz".replace("q", "r"))
print("prefix-body".removeprefix("prefix-"), "body".removeprefix("x"), "file.py".removesuffix(".py"), "a".removesuffix(""))

# strip family
print(repr("  \t hi there \n ".strip()), repr("xxhixx".strip("x")), repr("abcba".lstrip("ab")), repr("abcba".rstrip("ab")))
print(repr("\u3000 wide\u2003".strip()), repr("..a..".strip(".")), repr("".strip()), repr("aaa".strip("a")))

# joins
print("-".join(["a", "b", "c"]), "".join(("x", "y")), ", ".join(str(i) for i in range(4)), "-".join([]), "-".join(["solo"]))
print("".join(map(str, range(10))), "ab".join("xyz"))
try:
    "-".join(["a", 1])
except TypeError:
    print("TypeError join")

# partition
print("key=value=x".partition("="), "key=value=x".rpartition("="), "abc".partition("z"), "abc".rpartition("z"))
try:
    "abc".partition("")
except ValueError:
    print("ValueError empty separator")

# predicates
for t in ["", "abc", "ABC", "Abc", "aBc", "123", "12.5", "abc123", " \t\n", "Hello World", "Hello world", "_id9", "9id", "a b"]:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(), t.isspace(),
          t.islower(), t.isupper(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii())

# case
for t in ["hello WORLD", "they're bill's friends", "ALL CAPS", "x", "", "123abc", "mIxEd CaSe 42"]:
    print(t.upper(), "|", t.lower(), "|", t.title(), "|", t.capitalize(), "|", t.swapcase(), "|", t.casefold())

# translate / maketrans
table = str.maketrans("abc", "xyz")
print(sorted(table.items()), "aabbcc-abc".translate(table))
table = str.maketrans("ab", "AB", "c")
print("abcabc".translate(table), "hello".translate({ord("l"): None, ord("o"): "0"}), "hi".translate({}))
print(str.maketrans({"a": "1", 98: None}) == {97: "1", 98: None}, "abc".translate({97: 65}))
try:
    str.maketrans("ab", "c")
except ValueError:
    print("ValueError maketrans")

class Upper:
    def __getitem__(self, k):
        if k == ord("z"):
            raise LookupError
        return chr(k).upper()
print("hazy".translate(Upper()))

# encode
print("héllo".encode(), "abc".encode("ascii"), "héllo".encode("ascii", "ignore"), "héllo".encode("ascii", "replace"))
print("héllo".encode("latin-1"), "x€".encode("utf-8"), "é".encode(encoding="utf8"))
try:
    "héllo".encode("ascii")
except UnicodeEncodeError:
    print("UnicodeEncodeError")
try:
    "x".encode("no-such-codec")
except LookupError:
    print("LookupError")

# format_map, format
print("{a}-{b}".format_map({"a": 1, "b": [2]}), "{0}{1}{0}".format("x", "y"), "{:>5}|{:<4}|".format("r", "l"))

# the same object comes back when nothing changes
s = "already stripped"
print(s.strip() is s, s.replace("zz", "y") is s, s.lower() == s, s.ljust(3) is s, s.zfill(2) is s)

# str of bytes with encoding
print(str(b"abc", "utf-8"), str(b"a\xffb", "utf-8", "replace"), str(b"a\xffb", "utf-8", "ignore"), str(bytearray(b"xy"), "ascii"))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError:
    print("UnicodeDecodeError")
try:
    str("abc", "utf-8")
except TypeError:
    print("TypeError decoding str")

# str subclasses: methods see the str value, results are plain strs
class S(str):
    pass
s = S("hello")
print("-".join([S("a"), "b"]), s.upper(), s.startswith((S("he"),)), "x".join(S("ab")), s.split("l"), "hello".find(S("ll")), s + "!", S("a") == "a")
print(len(s), s[1:3], s.replace("l", S("L")), S("  x ").strip(), type(s.upper()).__name__, str(s), repr(s), s.center(9, "*"))
print(s)
