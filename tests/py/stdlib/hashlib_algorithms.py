# hashlib: the algorithm sets and new() by name.
import hashlib

avail = hashlib.algorithms_available
guaranteed = hashlib.algorithms_guaranteed
for name in ("md5", "sha1", "sha256"):
    print(name, name in avail, name in guaranteed)
    print(hashlib.new(name, b"abc").hexdigest() == getattr(hashlib, name)(b"abc").hexdigest())
print(guaranteed <= avail or set(guaranteed) <= set(avail))
print(all(type(n) is str for n in avail))
try:
    hashlib.new("no-such-hash")
except ValueError:
    print("ValueError")
