# hashlib: md5, sha1 and sha256 digests and hexdigests of known vectors,
# copy(), repeated digest(), new(), attributes and input types.

import hashlib

for name in ["md5", "sha1", "sha256"]:
    ctor = getattr(hashlib, name)
    for data in [b"", b"abc", b"a" * 1000, bytes(range(256))]:
        print(name, len(data), ctor(data).hexdigest())
    h = ctor()
    print(h.name, h.digest_size, h.block_size, len(h.digest()))

h = hashlib.sha256(b"hello ")
c = h.copy()
h.update(b"world")
c.update(b"there")
print(h.hexdigest(), c.hexdigest())
print(h.digest() == h.digest(), h.hexdigest() == h.digest().hex())
h.update(b"!")
print(h.hexdigest() == hashlib.sha256(b"hello world!").hexdigest())

print(hashlib.new("sha1", b"abc").hexdigest(), hashlib.new("MD5").hexdigest(), hashlib.new("sha256", b"x").hexdigest())
print(hashlib.md5(bytearray(b"abc")).hexdigest() == hashlib.md5(memoryview(b"xabcx")[1:4]).hexdigest())
print(hashlib.sha1(string=b"abc").hexdigest())
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha1", "sha256"}))

for call in [lambda: hashlib.sha256("text"), lambda: hashlib.md5().update(1), lambda: hashlib.new("nope")]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)

# incremental updates in odd-sized pieces equal the one-shot digest
blob = bytes((i * 7 + 3) & 0xFF for i in range(5000))
for name in ["md5", "sha1", "sha256"]:
    h = hashlib.new(name)
    i = 0
    step = 1
    while i < len(blob):
        h.update(blob[i:i + step])
        i += step
        step = step * 3 % 97 + 1
    print(name, h.digest() == hashlib.new(name, blob).digest())
