# binascii: hexlify separators and grouping, the a2b/b2a aliases, base64 edge
# cases (padding, skipped characters, newline=False), crc32 start values, errors.

import binascii

data = b"\x00\x01\xab\xcd\xef\x10\x7f"
print(binascii.hexlify(data, ":"), binascii.hexlify(data, b"-"), binascii.hexlify(data, " ", 2), binascii.hexlify(data, "_", -3))
print(binascii.hexlify(b"", ":"), binascii.hexlify(b"a", ":"), binascii.hexlify(bytearray(b"xy")), binascii.hexlify(memoryview(b"mv")))
print(binascii.b2a_hex(b"\xff\x00"), binascii.a2b_hex("ff00"), binascii.unhexlify(bytearray(b"4142")), binascii.unhexlify("aBcD"))
print(binascii.b2a_base64(b"foobar", newline=False), binascii.b2a_base64(b"\xfb\xff"), binascii.b2a_base64(bytearray(b"ab")))
for enc in [b"", b"Zg==", b"Zm8=", b"Zm9v", b"Zm9v\n", b" Z m 9 v ", b"Zm9v==", b"Zm9v===YmFy", b"Zm=9v", b"=", b"ab==",
            b"abc=", b"abcd=", b"YW*Jj", "YWJj", b"Zm9vYg"]:
    try:
        print(enc, binascii.a2b_base64(enc))
    except ValueError as e:
        print(enc, "error", isinstance(e, binascii.Error))
for bad in [b"0", b"abc", b"zz", b"0g", "é1", b"12 34"]:
    try:
        print(binascii.unhexlify(bad))
    except ValueError as e:
        print(bad, "error", isinstance(e, binascii.Error))
for call in [lambda: binascii.hexlify("str"), lambda: binascii.hexlify(b"ab", "::"), lambda: binascii.b2a_base64("x"),
             lambda: binascii.crc32("abc"), lambda: binascii.a2b_base64("é")]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
print(binascii.crc32(b"a", -1), binascii.crc32(b"a", 2 ** 40), binascii.crc32(b"a", 0xFFFFFFFF), binascii.crc32(bytearray(b"abc")))
print(hex(binascii.crc32(b"\x00" * 1000)), hex(binascii.crc32(bytes(range(256)) * 4)), binascii.crc32(memoryview(b"123456789")))
print(issubclass(binascii.Error, ValueError))
