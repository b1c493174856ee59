# struct: every format code in every byte order, counts, native alignment,
# half floats, pascal strings and calcsize.

import struct

for order in "@=<>!":
    fmt = order + "bBhHiIlLqQ"
    vals = (-100, 200, -30000, 60000, -2000000000, 4000000000, -5, 7, -(2 ** 62), 2 ** 64 - 1)
    data = struct.pack(fmt, *vals)
    print(order, struct.calcsize(fmt), len(data), struct.unpack(fmt, data) == vals)
    print(order, data.hex() if order in "<>!" else len(data))
print(struct.pack(">?cxs3sp5p", True, b"Z", b"q", b"abc", b"x", b"hi"), struct.calcsize(">?cxs3sp5p"))
print(struct.unpack(">?cxs3sp5p", struct.pack(">?cxs3sp5p", 0, b"\xff", b"", b"ab", b"", b"toolong")))
print(struct.pack("<e", 1.5), struct.pack(">e", -2.0), struct.pack("<e", 65504), struct.pack("<e", 1e-7), struct.pack("<e", 6e-8))
print(struct.unpack("<e", b"\x00\x3c"), struct.unpack(">e", b"\x7c\x00"), struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\xff\xfb"))
print(struct.unpack("<4e", struct.pack("<4e", 0.1, -0.0, 1 / 3, 1000.5)))
print(struct.pack("<f", 0.1), struct.pack(">d", 0.1), struct.unpack("<f", struct.pack("<f", 1 / 3)), struct.pack("<f", float("inf")))
print(struct.unpack("<d", struct.pack("<d", -0.0)), struct.unpack("<f", b"\x00\x00\xc0\x7f")[0] != 0, struct.pack("<d", 2))
print(struct.pack("<3s", b"abcdef"), struct.pack("<6s", b"ab"), struct.pack("0s", b"x"), struct.unpack("0s", b""), struct.pack("<3x"))
print(struct.pack("3p", b"abcdef"), struct.pack("1p", b"abc"), struct.unpack("4p", b"\x09abc"), struct.pack("<2s", bytearray(b"xy")))
print(struct.pack("<2c3?", b"a", b"b", 1, [], "x"), struct.unpack("<3?", b"\x00\x01\x02"))

# native sizes and alignment
for fmt in ["@b", "@h", "@i", "@l", "@q", "@n", "@N", "@P", "@e", "@f", "@d", "@?", "@ci", "@ic", "@bq", "@qb", "@b0i",
            "@hq", "@3sI", "@xh", "ci", "=ci", "<ci", "@2h3i", "@bhiq", "@qihb", "<  H  I ", "10x", "", "<"]:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack("@ci", b"a", 1)[:1], len(struct.pack("@ci", b"a", 1)), struct.unpack("@bq", struct.pack("@bq", -1, -2)))
print(struct.pack("P", 0), struct.unpack("P", struct.pack("P", 2 ** 63 + 5)), struct.pack("n", -1), struct.unpack("N", b"\xff" * 8))

# formats given as bytes, and bools / __index__ objects as ints
print(struct.pack(b"<H", 258), struct.calcsize(b">q"), struct.pack("<i", True))


class Idx:
    def __index__(self):
        return 513


print(struct.pack("<H", Idx()), struct.pack(">Q", Idx()))

# unpacked values have the right types
print([type(v).__name__ for v in struct.unpack("<bHq?cs3pefd", struct.pack("<bHq?cs3pefd", 1, 2, 3, True, b"c", b"s", b"p", 1, 2, 3))])
