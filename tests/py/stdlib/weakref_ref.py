# weakref.ref: calling, callbacks, equality, hashing, repr, subclasses, and the
# objects that can't be weakly referenced. Every check that depends on an object
# being freed comes after gc.collect(), so CPython (which frees at once) and a
# tracing collector print the same.
import gc
import weakref


class A:
    def __init__(self, n=0):
        self.n = n

    def __repr__(self):
        return "A(%d)" % self.n

    def method(self):
        return self.n


class Key:
    # Equal and hashed by value, to show that refs compare their referents.
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return hash(self.k)


log = []


def callback(r):
    log.append(("callback", r(), r.__callback__))


print("-- calling")
a = A(1)
r = weakref.ref(a)
print(r() is a, r(), r.__callback__)
a = None
gc.collect()
print(r())

print("-- callback gets the (dead) reference")
a = A(2)
r = weakref.ref(a, callback)
print(r.__callback__ is callback)
a = None
gc.collect()
print(log, r(), r.__callback__)
log.clear()

print("-- no callback when the reference dies first")
a = A(3)
r = weakref.ref(a, callback)
r = None
gc.collect()
a = None
gc.collect()
print(log)

print("-- several references: callbacks newest first")
a = A(4)
refs = [weakref.ref(a, lambda r, i=i: log.append(i)) for i in range(4)]
plain = weakref.ref(a)
print(all(x() is a for x in refs), plain() is a)
a = None
gc.collect()
print(log, [x() for x in refs], plain())
log.clear()

print("-- several objects at once")
objs = [A(i) for i in range(10)]
refs = [weakref.ref(o, lambda r: log.append("freed")) for o in objs]
keep = objs[::3]
objs = None
gc.collect()
print([r() for r in refs], len(log))
log.clear()
keep = None
gc.collect()
print([r() for r in refs], len(log))
log.clear()

print("-- equality and hashing")
k1, k2, k3 = Key("x"), Key("x"), Key("y")
r1, r2, r3 = weakref.ref(k1), weakref.ref(k2), weakref.ref(k3)
print(r1 == r2, r1 != r2, r1 == r3, r1 != r3, r1 == k1, r1 != k1, r1 == 5)
print(hash(r1) == hash(k1) == hash(r2), hash(r3) == hash("y"))
table = {r1: "first"}
print(table[r2], r3 in table)
h = hash(r1)
k1 = None
gc.collect()
print(r1(), r1 == r2, r1 == r1, r1 != r2, hash(r1) == h)
k4 = Key("z")
r4 = weakref.ref(k4)
k4 = None
gc.collect()
try:
    hash(r4)
except TypeError as e:
    print("TypeError:", e)
try:
    r2 < r3
except TypeError:
    print("refs are not ordered")

print("-- repr")
a = A(5)
r = weakref.ref(a)
text = repr(r)
print(text.startswith("<weakref at 0x"), "; to 'A' at 0x" in text, text.endswith(">"))
print(hex(id(a)) in text, hex(id(r)) in text)
f = weakref.ref(A.method)
print(repr(f).endswith(" (method)>"))
a = None
gc.collect()
print(repr(r).startswith("<weakref at 0x"), repr(r).endswith("; dead>"))

print("-- what can be weakly referenced")


def gen():
    yield 1


class Error(Exception):
    pass


for v in [A(), A, A.method, A(6).method, gen, gen(), {1}, frozenset(), weakref, len, Error()]:
    w = weakref.ref(v)
    print(type(v).__name__ if type(v).__name__ != "bound_method" else "method", w() is v)
for v in [None, True, 1, 2**80, 1.5, "s", b"b", bytearray(1), (), (1,), [], {}, range(2), object(), ValueError()]:
    try:
        weakref.ref(v)
        print("no error for", type(v).__name__)
    except TypeError as e:
        print(e)
try:
    weakref.ref(weakref.ref(A()))
except TypeError as e:
    print("a ref:", "cannot create weak reference" in str(e))

print("-- a bound method made on the fly is freed")
a = A(7)
m = weakref.ref(a.method)
gc.collect()
print(m(), a.n)

print("-- arguments")
try:
    weakref.ref()
except TypeError:
    print("TypeError: no argument")
try:
    weakref.ref(A(), None, None)
except TypeError:
    print("TypeError: three arguments")
a = A(8)
r = weakref.ref(a, None)
print(r.__callback__, r() is a)
print(weakref.ref is weakref.ReferenceType, isinstance(r, weakref.ref), type(r).__name__)

print("-- a subclass gets its own instance in the callback")


class KeyedRef(weakref.ref):
    def __new__(cls, ob, callback, key):
        return weakref.ref.__new__(cls, ob, callback)

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
        self.key = key


def keyed_callback(r):
    log.append((type(r).__name__, r.key, r()))


a = A(9)
k = KeyedRef(a, keyed_callback, "key-9")
print(k() is a, k.key, isinstance(k, weakref.ref), k == weakref.ref(a))
a = None
gc.collect()
print(log)
log.clear()
