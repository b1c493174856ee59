# bytes methods (ASCII semantics), shared with bytearray.

b = b"hello world, hello bytes"
print(b.find(b"hello"), b.find(b"hello", 1), b.find(104), b.find(b"zz"), b.find(b""), b.rfind(b"hello"), b.rfind(111))
print(b.index(b"world"), b.rindex(b"o"), b.count(b"l"), b.count(108), b.count(b"l", 5, 15), b.count(b""), b.find(bytearray(b"wor")))
print(b.find(memoryview(b"byt")), b.count(b"", 30), b.find(b"", 30), b.rfind(b"o", -5, -1))
for bad in [b"zz", 122]:
    try:
        b.index(bad)
    except ValueError:
        print("ValueError index", bad)
try:
    b.find(300)
except ValueError:
    print("ValueError byte range")
try:
    b.find("str")
except TypeError:
    print("TypeError str arg")

print(b.startswith(b"hello"), b.startswith((b"x", b"he")), b.endswith(b"bytes"), b.endswith(b"world", 0, 11), b.startswith(b"", 100))
print(b.split(), b.split(b", "), b.split(b"l", 2), b.rsplit(b"l", 2), b.rsplit(None, 1), b"  a  b  ".split(None, 1), b"  a  b  ".rsplit(None, 1))
print(b"a\x0bb\x0cc\x1cd".split(), b"".split(), b"".split(b","), b",a,".split(b","), b"a\r\nb\nc\rd\n".splitlines(), b"a\r\nb\n".splitlines(True))
print(b.partition(b" "), b.rpartition(b" "), b.partition(b"#"), b.rpartition(b"#"))
try:
    b.split(b"")
except ValueError:
    print("ValueError empty separator")

print(b"  x  ".strip(), b"xxhixx".strip(b"x"), b"abcba".lstrip(b"ab"), b"abcba".rstrip(b"ab"), b"\t\n x\x0b\x0c".strip())
print(b"ab".center(6), b"ab".center(6, b"*"), b"ab".ljust(4, b"-"), b"ab".rjust(4), b"-5".zfill(4), b"5".zfill(3), b"abc".center(2))
print(b"a\tb".expandtabs(), b"a\tb\n\tc".expandtabs(3), b"pre.txt".removeprefix(b"pre"), b"pre.txt".removesuffix(b".txt"))
print(b"a-b-c".replace(b"-", b"+"), b"a-b-c".replace(b"-", b"", 1), b"ab".replace(b"", b"."), b"aaa".replace(b"a", b"xy", 2))
print(b"-".join([b"a", bytearray(b"b"), memoryview(b"c")]), b"".join([]), b", ".join((b"x",)), bytearray(b"+").join([b"1", b"2"]))
try:
    b"-".join([b"a", "b"])
except TypeError:
    print("TypeError join")
try:
    b"x".center(5, "*")
except TypeError:
    print("TypeError fill")

for t in [b"", b"abc", b"ABC", b"Abc Def", b"123", b"a1", b" \t", b"\xff", b"Hello World"]:
    print(t, t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.islower(), t.isupper(), t.istitle(), t.isascii())
print(b"Hello World".upper(), b"Hello World".lower(), b"hello world".title(), b"hELLO".capitalize(), b"MiXeD".swapcase(), b"\xe9a".upper())

print(b"\x00\xffab".hex(), b"".hex(), b"\x01\x02\x03\x04\x05".hex(":"), b"\x01\x02\x03\x04\x05".hex("-", 2), b"\x01\x02\x03\x04\x05".hex(" ", -2))
print(bytes.fromhex("00ff 10 A0"), bytearray.fromhex("deadbeef"), bytes.fromhex(""), b"\x01\x02".hex(b"|"))
try:
    bytes.fromhex("0g")
except ValueError:
    print("ValueError fromhex")

print(b"abc".decode(), b"caf\xc3\xa9".decode("utf-8"), b"\xff\xfeab".decode("utf-8", "replace"), b"\xffab".decode(errors="ignore"))
print(b"abc".decode("ascii"), b"\xe9t\xe9".decode("latin-1"), b"a\x80".decode("ascii", "replace"), b"\xe2\x82".decode("utf-8", "replace"))
for bad in [b"\xff", b"ab\xc3", b"\xe2\x28\xa1", b"\xc3\x28"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
try:
    b"\x80".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)

t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], b"aabbcc".translate(t), b"abcdef".translate(None, b"bd"), b"abc".translate(t, b"a"))
try:
    b"x".translate(b"short")
except ValueError:
    print("ValueError table")

# constructors
print(bytes(3), bytes([1, 2, 255]), bytes(range(3)), bytes("é", "utf-8"), bytes("abc", encoding="ascii"), bytes(b"xy"), bytes(bytearray(b"z")))
print(bytes(memoryview(b"mv")), bytes((x for x in (65, 66))), bytes(), bytearray(2), bytearray("é", "latin-1"))
class WithBytes:
    def __bytes__(self):
        return b"custom"
print(bytes(WithBytes()))
for args in [("abc",), (1.5,), ([256],), ([-1],), (-1,), (b"x", "utf-8"), ("x", "utf-8", "strict", "extra"), (["a"],)]:
    try:
        bytes(*args)
        print("no error", args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, args)

# operators
print(b"ab" + b"cd", b"ab" * 3, 3 * b"-", b"ab" + bytearray(b"c"), b"x" + memoryview(b"y"), b"b" in b"abc", 98 in b"abc", b"" in b"")
print(b"abc"[1], b"abc"[-1], b"abcdef"[1:4], b"abcdef"[::2], b"abcdef"[::-1], b"abc" == b"abc", b"abc" < b"abd", b"a" == "a")
print(hash(b"abc") == hash(b"abc"), len(b"abc"), list(b"hi"), sorted(b"cab"), b"%s=%d" % (b"x", 5))
try:
    b"abc"[3]
except IndexError:
    print("IndexError")
big = bytes(range(256)) * 100
print(len(big), big.count(b"\x00\x01"), big.find(b"\xfe\xff\x00"), big.rfind(b"\x00\x01"), len(big.split(b"\xff")), big[12345])

# the same object comes back when nothing changes
x = b"stripped"
print(x.strip() is x, x.replace(b"q", b"r") is x, x.lower() == x, x.center(2) is x)

# % formatting keeps non-ASCII bytes intact
print(b"\xff%s\xfe" % b"\x80", b"%c%c" % (200, b"A"), b"%5b|%-3s|" % (b"ab", bytearray(b"c")), b"%r %a" % ("\xe9", b"x"), b"%.1s" % b"xyz")
print(b"%d %x %05.1f %%" % (-3, 255, 2.25), bytearray(b"<%s>") % (memoryview(b"mv"),), b"%(k)s" % {b"k": b"v"})
for bad in [b"%s", b"%c", b"%b"]:
    try:
        bad % "str"
    except TypeError:
        print("TypeError", bad)

# bytes subclasses
class B(bytes):
    pass
bb = B(b"bytes")
print(bb.upper(), b"-".join([B(b"x"), b"y"]), bb.find(b"t"), bytes(bb), bb + b"!", bb == b"bytes", len(bb), bb[0], type(bb.upper()).__name__)
