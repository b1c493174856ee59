# bytes: construction, indexing, slicing, methods, and conversions.

b = b"hello world"
print(b, len(b), b[0], b[-1], b[0:5], b[::-1], b[::3], type(b[0]).__name__)
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b"copy"), bytes("é", "utf-8"), bytes())
print(b"abc" + b"def", b"ab" * 3, b"o" in b, 111 in b, b"xyz" in b, 120 in b)
print(b.find(b"o"), b.rfind(b"o"), b.index(b"w"), b.count(b"l"), b.find(111))
print(b.startswith(b"he"), b.endswith(b"ld"), b.split(), b.split(b"o"), b"a,b".split(b","))
print(b.upper(), b"ABC".lower(), b"  x ".strip(), b"xxaxx".strip(b"x"), b.replace(b"l", b"L"))
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b.decode(), b.decode("ascii"))
print(list(b"\x00\x7f\x80\xff"), bytes([255, 0]).hex(), bytes.fromhex("deadbeef"), bytes.fromhex("de ad"))
print(b"abc" < b"abd", b"abc" == b"abc", b"" < b"\x00", b"a" == "a", hash(b"ab") == hash(b"a" + b"b"))
print(b"%s" % b"x", b"12".isdigit(), b"ab".isalpha(), b" \t".isspace())

# bytes are immutable
try:
    b[0] = 72
except TypeError:
    print("TypeError immutable")

# values out of range
for bad in ([256], [-1], ["a"]):
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(bad, type(e).__name__)

# membership of an int outside 0..255
try:
    300 in b
except ValueError:
    print("ValueError byte range")

# str arguments need an encoding
try:
    bytes("abc")
except TypeError:
    print("TypeError no encoding")

# iterating gives ints
print([x for x in b"AZ"], sum(b"\x01\x02\x03"), max(b"hello"))

# repr escapes non-printable bytes
print(repr(b"\n\t\\'\""), repr(b"\x00\x1f\x7f\x80"), repr(b"it's"))

# conversion between str and bytes
text = "naïve café"
data = text.encode("utf-8")
print(data, len(text), len(data), data.decode("utf-8") == text)

# int.from_bytes/to_bytes with bytes
print(int.from_bytes(b"\x01\x02", "big"), int.from_bytes(b"\x01\x02", "little"), (1027).to_bytes(2, "big"))

# bytes of a bytearray and vice versa
ba = bytearray(b"mutable")
print(bytes(ba), type(bytes(ba)).__name__, bytes(ba) == ba)
