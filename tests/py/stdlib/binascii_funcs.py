# binascii: hexlify/unhexlify, base64, crc32.

import binascii

print(binascii.hexlify(b"\x00\x01\xfe\xff"), binascii.hexlify(b""), binascii.hexlify(b"abc"))
print(binascii.unhexlify(b"deadbeef"), binascii.unhexlify("414243"), binascii.unhexlify(b""))
for bad in [b"abc", b"zz"]:
    try:
        binascii.unhexlify(bad)
    except (ValueError, TypeError) as e:
        print(bad, "error", isinstance(e, ValueError))

print(binascii.b2a_base64(b"hello"), binascii.b2a_base64(b""), binascii.b2a_base64(b"\xff\xfe\xfd"))
print(binascii.a2b_base64(b"aGVsbG8="), binascii.a2b_base64("AAEC"), binascii.a2b_base64(b"//79"))
for data in [b"", b"a", b"ab", b"abc", b"abcd", bytes(range(256))]:
    enc = binascii.b2a_base64(data)
    print(len(data), enc[:20], binascii.a2b_base64(enc) == data)

print(binascii.crc32(b""), binascii.crc32(b"hello"), binascii.crc32(b"123456789"), hex(binascii.crc32(b"The quick brown fox jumps over the lazy dog")))
print(binascii.crc32(b"world", binascii.crc32(b"hello ")) == binascii.crc32(b"hello world"))

# hexlify output is lowercase, unhexlify accepts both cases
print(binascii.unhexlify(b"ABCDEF") == binascii.unhexlify(b"abcdef"), binascii.hexlify(b"\xab\xcd"))

# round trips of many byte values
blob = bytes((i * 37 + 11) & 0xFF for i in range(64))
print(binascii.unhexlify(binascii.hexlify(blob)) == blob, len(binascii.hexlify(blob)))
print(binascii.a2b_base64(binascii.b2a_base64(blob)) == blob)

# crc32 of chunks combined incrementally
crc = 0
for i in range(0, len(blob), 10):
    crc = binascii.crc32(blob[i:i + 10], crc)
print(crc == binascii.crc32(blob), crc & 0xFFFFFFFF == crc)

# base64 of text data
text = "Grüße, krait!".encode("utf-8")
encoded = binascii.b2a_base64(text)
print(encoded, binascii.a2b_base64(encoded).decode("utf-8"))
