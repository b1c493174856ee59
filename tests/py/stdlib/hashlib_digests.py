# hashlib: sha256 and sha1 digests of known inputs, incremental updates.

import hashlib
import binascii

for data in [b"", b"abc", b"hello world", b"a" * 1000]:
    print(len(data), binascii.hexlify(hashlib.sha256(data).digest()))

h = hashlib.sha256()
h.update(b"hello ")
h.update(b"world")
d = h.digest()
print(d == hashlib.sha256(b"hello world").digest(), len(d))

print(binascii.hexlify(hashlib.sha1(b"abc").digest()), len(hashlib.sha1(b"").digest()))

h1 = hashlib.sha1()
for chunk in [b"The quick brown fox ", b"jumps over ", b"the lazy dog"]:
    h1.update(chunk)
print(binascii.hexlify(h1.digest()))

# constructing with initial data then updating
h2 = hashlib.sha256(b"part1")
h2.update(b"part2")
print(h2.digest() == hashlib.sha256(b"part1part2").digest())

# digests of bytearray and memoryview inputs
print(hashlib.sha256(bytearray(b"abc")).digest() == hashlib.sha256(b"abc").digest())

# digests of data fed byte by byte equal the one-shot digest
data = bytes(range(200))
inc = hashlib.sha256()
for i in range(len(data)):
    inc.update(data[i:i + 1])
print(inc.digest() == hashlib.sha256(data).digest())

# different inputs give different digests; digest length is fixed
digests = set()
for i in range(20):
    digests.add(hashlib.sha256(str(i).encode()).digest())
print(len(digests), all(len(d) == 32 for d in digests))
