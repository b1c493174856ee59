# struct: pack/unpack with byte orders, sizes, counts, and pack_into/unpack_from.

import struct

print(struct.pack("<I", 1), struct.pack(">I", 1), struct.pack("<H", 0xABCD), struct.pack(">h", -2))
print(struct.pack("<bBhHiIqQ", -1, 255, -300, 65000, -70000, 4000000000, -(2 ** 40), 2 ** 63))
print(struct.unpack("<bBhHiIqQ", struct.pack("<bBhHiIqQ", -1, 255, -300, 65000, -70000, 4000000000, -(2 ** 40), 2 ** 63)))
print(struct.pack("<f", 1.5), struct.pack(">d", -2.25), struct.unpack("<f", struct.pack("<f", 0.1))[0] != 0.1)
print(struct.unpack("<d", struct.pack("<d", 0.1))[0] == 0.1, struct.unpack(">f", b"\x3f\xc0\x00\x00"))
print(struct.pack("4s", b"ab"), struct.pack("2s", b"abcd"), struct.unpack("3s", b"xyz"))
print(struct.pack("<3B", 1, 2, 3), struct.unpack("<3H", b"\x01\x00\x02\x00\x03\x00"), struct.pack("<?", True))
print(struct.calcsize("<I"), struct.calcsize("<HBI"), struct.calcsize("<q"), struct.calcsize("<5s"), struct.calcsize("<2H"))
print(struct.pack("<HI", 1, 2), struct.calcsize("<HI"))

# network (big-endian) order and "!"
print(struct.pack("!H", 80), struct.unpack("!I", b"\xc0\xa8\x00\x01"))

# round trip a record
fmt = "<HHI8s"
rec = struct.pack(fmt, 7, 65535, 123456789, b"name")
print(len(rec), struct.calcsize(fmt), struct.unpack(fmt, rec))

# pack_into / unpack_from with offsets
buf = bytearray(12)
struct.pack_into("<HI", buf, 2, 0x1234, 0xDEADBEEF)
print(buf, struct.unpack_from("<HI", buf, 2), struct.unpack_from("<I", buf, 4))

# errors: wrong argument counts and out-of-range values
for call in [lambda: struct.pack("<H", 1, 2), lambda: struct.pack("<HH", 1), lambda: struct.unpack("<I", b"\x00\x00")]:
    try:
        call()
        print("no error")
    except (struct.error, ValueError, TypeError) as e:
        print("error", isinstance(e, Exception))

# parsing a little binary header
header = struct.pack("<4sHHI", b"KRT1", 2, 16, 1024)
magic, major, minor, size = struct.unpack("<4sHHI", header)
print(magic, major, minor, size)
