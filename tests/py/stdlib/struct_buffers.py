# struct: pack_into / unpack_from with offsets (also negative) on bytearray,
# memoryview and array buffers, iter_unpack, and the Struct class.

import struct
import array

buf = bytearray(16)
struct.pack_into("<HI", buf, 2, 0x1234, 0xDEADBEEF)
struct.pack_into(">h", buf, -2, -2)
print(buf, struct.unpack_from("<HI", buf, 2), struct.unpack_from("<I", buf, 4), struct.unpack_from(">h", buf, -2))
print(struct.unpack_from("<B", buf), struct.unpack_from("<B", buf, offset=3), struct.unpack_from("<4s", buffer=buf, offset=2))

mv = memoryview(buf)
struct.pack_into("<Q", mv, 8, 2 ** 64 - 2)
print(bytes(buf[8:]), struct.unpack_from("<Q", mv, 8), struct.unpack_from("<H", mv[4:], 0), struct.unpack("<2H", mv[2:6]))
arr = array.array("H", [1, 2, 3])
print(struct.unpack_from("<H", arr, 2), struct.unpack("<3H", arr))
struct.pack_into("<H", arr, 4, 0xABCD)
print(arr)

data = struct.pack("<6h", 1, -2, 3, -4, 5, -6)
it = struct.iter_unpack("<2h", data)
print(list(it), list(struct.iter_unpack("<B", b"abc")), list(struct.iter_unpack("<I", b"")))

s = struct.Struct("<HI4s")
print(s.size, s.format, s.pack(1, 2, b"abcd"), s.unpack(b"\x01\x00\x02\x00\x00\x00wxyz"))
b2 = bytearray(12)
s.pack_into(b2, 1, 7, 8, b"zz")
print(b2, s.unpack_from(b2, 1), list(s.iter_unpack(bytes(20))) if False else len(list(struct.Struct(">H").iter_unpack(bytes(6)))))
print(struct.Struct(b">q").format, struct.Struct("i").size, type(s).__name__)
try:
    s.pack(1, 2)
except struct.error as e:
    print("error", e)

# a record round trip
header = struct.pack("<4sHHI", b"KRT1", 2, 16, 1024)
print(struct.unpack("<4sHHI", header), struct.calcsize("<4sHHI"))
