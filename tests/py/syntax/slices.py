# Slice syntax on lists, tuples, strings and user objects.

s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-7], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-3], s[8:2:-2], s[2:8:-1])
print(s[100:], s[-100:2], s[5:100], s[3:3], s[5:2])
print(s[-1:-11:-1] == s[::-1], s[None:None:None] == s)

t = tuple(s)
print(t[1:4], t[::-4], type(t[1:2]).__name__)

text = "abcdefgh"
print(text[1:4], text[::-1], text[::2], text[-2:], text[5:1:-1], text[:0])

b = b"bytes!"
print(b[1:3], b[::-1], b[::2])

# assignment and deletion through slices
a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[:2] = []
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
a[len(a):] = [99, 100]
print(a)
a[:] = "ab"
print(a)

try:
    a = [1, 2, 3, 4]
    a[::2] = [1, 2, 3]
except ValueError:
    print("ValueError extended slice size")

# slice objects
sl = slice(1, 7, 2)
print(s[sl], sl.start, sl.stop, sl.step)
print(s[slice(3)], s[slice(None, None, -1)][:3])

# user classes receive slice objects
class Seq:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        return ("index", key)

q = Seq()
print(q[1], q[1:2], q[::3], q[:], q[-1:], q["a":"b":"c"])
print(q[1, 2], q[1:2, 3])

# slice bounds can be any expressions
lo, hi = 2, 6
print(s[lo + 1:hi - 1], s[len(s) // 2:], s[-lo:])
