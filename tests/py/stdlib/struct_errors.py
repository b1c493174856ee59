# struct: errors raised for bad formats, wrong argument counts, values out of
# range, wrong types and buffers of the wrong size. struct.error is caught as
# ValueError too (MicroPython raises ValueError for these).

import struct

print(issubclass(struct.error, Exception), struct.error.__name__)

cases = [
    ("pack", ("<Z", 1)), ("pack", ("3",)), ("calcsize", ("<P",)), ("calcsize", ("<n",)), ("calcsize", ("1 i",)),
    ("pack", ("<H", 1, 2)), ("pack", ("<HH", 1)), ("pack", ("x", 1)), ("pack", ("<3s",)),
    ("pack", ("b", 128)), ("pack", ("b", -129)), ("pack", ("B", 256)), ("pack", ("B", -1)), ("pack", ("<h", 2 ** 15)),
    ("pack", ("<H", -1)), ("pack", ("<H", 2 ** 70)), ("pack", ("<i", 2 ** 31)), ("pack", ("<I", 2 ** 32)),
    ("pack", ("<I", -1)), ("pack", ("<l", -(2 ** 31) - 1)), ("pack", ("<L", 2 ** 32)), ("pack", ("<q", 2 ** 63)),
    ("pack", ("<Q", -1)), ("pack", ("<Q", 2 ** 64)), ("pack", ("@l", 2 ** 63)), ("pack", ("@L", -1)),
    ("pack", ("b", 1.0)), ("pack", ("<Q", "1")), ("pack", ("f", "x")), ("pack", ("d", None)), ("pack", ("<f", 1e39)),
    ("pack", ("<e", 65520.0)), ("pack", ("<e", 1e6)), ("pack", ("c", b"ab")), ("pack", ("c", 1)), ("pack", ("c", "a")),
    ("pack", ("3s", "abc")), ("pack", ("p", 5)), ("unpack", ("<I", b"\x00\x00")), ("unpack", ("<I", b"\x00" * 5)),
    ("unpack", ("<I", "abcd")), ("unpack", ("<H", 12)), ("unpack_from", ("<I", b"\x00" * 5, 2)),
    ("unpack_from", ("<I", b"\x00" * 5, -6)), ("pack_into", ("<I", bytearray(5), 2, 1)),
    ("pack_into", ("<I", bytearray(5), -6, 1)), ("pack_into", ("<I", b"\x00" * 8, 0, 1)),
    ("pack_into", ("<I", bytearray(8), 0)), ("iter_unpack", ("<H", b"\x00" * 5)), ("iter_unpack", ("", b"")),
]
for name, args in cases:
    try:
        r = getattr(struct, name)(*args)
        print(name, args, "->", r)
    except struct.error:
        print(name, args, "-> struct.error")
    except (ValueError, TypeError, OverflowError) as e:
        print(name, args, "->", type(e).__name__)

# struct.error messages CPython and MicroPython share
for call in [lambda: struct.pack("<H", 1, 2), lambda: struct.pack("<HH", 1), lambda: struct.pack("b", 200),
             lambda: struct.pack("<I", 2 ** 32), lambda: struct.pack("<q", 2 ** 63), lambda: struct.pack("b", 1.5),
             lambda: struct.pack("<f", "x"), lambda: struct.pack("c", b"xy"), lambda: struct.unpack("<I", b"12345"),
             lambda: list(struct.iter_unpack("<H", b"123"))]:
    try:
        call()
    except struct.error as e:
        print("struct.error:", e)
