# sys.version_info: a tuple of ints (MicroPython's (3, 4, 0)) that also has CPython's named
# fields major, minor and micro; sys.version starts with the same version.
import sys

v = sys.version_info
print(isinstance(v, tuple), len(v) >= 3, all(type(x) is int for x in v[:3]))
print(v.major == v[0], v.minor == v[1], v.micro == v[2])
print(type(v.major).__name__, v.major)
print(v >= (3, 4), v < (4,), v[:2] >= (3, 4), tuple(v[:1]))
major, minor, micro = v[:3]
print(major == v.major, minor == v.minor, micro == v.micro)
print(sys.version.startswith("%d.%d" % (v.major, v.minor)))
print(hash(v[:3]) == hash((v.major, v.minor, v.micro)))
