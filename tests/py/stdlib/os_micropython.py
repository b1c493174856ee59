# exp: hand
# MicroPython's os extras: ilistdir's (name, type, inode) tuples, putenv and
# unsetenv seen by getenv, and the u-prefixed module aliases (the same module
# objects as the plain names).

import os

base = "_krait_os_mp_tmp"
for name in os.listdir():
    if name == base:
        for sub in os.listdir(base):
            os.remove(base + "/" + sub)
        os.rmdir(base)
os.mkdir(base)
with open(base + "/f.txt", "w") as f:
    f.write("x")
os.mkdir(base + "/d")
entries = sorted(os.ilistdir(base))
print([(e[0], e[1]) for e in entries], all(type(e[2]) is int for e in entries), [len(e) for e in entries])
print(sorted(e[0] for e in os.ilistdir(base.encode())), type(os.ilistdir(base)).__name__ != "list")
os.remove(base + "/f.txt")
os.rmdir(base + "/d")
os.rmdir(base)

os.putenv("KRAIT_TEST_VAR", "42")
print(os.getenv("KRAIT_TEST_VAR"))
os.unsetenv("KRAIT_TEST_VAR")
print(os.getenv("KRAIT_TEST_VAR"))

import struct, ustruct, errno, uerrno, binascii, ubinascii, hashlib, uhashlib, heapq, uheapq, random, urandom
import platform, uplatform, uos

print(ustruct is struct, uerrno is errno, ubinascii is binascii, uhashlib is hashlib, uheapq is heapq)
print(urandom is random, uplatform is platform, uos is os, ustruct.error is struct.error)
print(ustruct.pack("<H", 258), uos.sep)
for name in ["umath", "ucmath"]:
    try:
        __import__(name)
        print(name, "imported")
    except ImportError:
        print(name, "ImportError")
