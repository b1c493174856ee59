# Attributes of built-in types, each type first reached a different way: the
# methods of a built-in type must look the same however they are first found.

# dir() first
print('count' in dir(tuple), 'index' in dir(tuple), 'append' in dir(tuple))
# type.__dict__ first
d = dict.__dict__
print('get' in d, 'setdefault' in d, 'fromkeys' in d, 'nope' in d)
print(d['get'] is dict.get, d['get'] is dict.__dict__['get'])
# hasattr / getattr first
print(hasattr(str, 'join'), hasattr(str, 'nope'), getattr(str, 'nope', 42))
print(getattr(str, 'join') is str.join)
print(','.join(['a', 'b']))
# a subclass first: lookup along the MRO, overrides, super()
class S(set):
    def add(self, x):
        super().add(x * 2)
s = S()
s.add(3)
s.discard(99)
print(sorted(s), hasattr(S, 'union'), 'union' in dir(S), 'union' in S.__dict__)
class L(list):
    pass
l = L([3, 1, 2])
l.sort()
print(l, L.append is list.append, 'append' in dir(L))
# a bound method first
m = [1, 2].copy
print(m())
f = bytearray(b'ab').extend
print(callable(f))
# class attributes registered with the methods (classmethods, properties)
print(int.from_bytes(b'\x01\x02', 'big'), (5).real, (2.5).imag, float.fromhex('0x1p3'))
print(bytes.fromhex('4142'), str.maketrans('a', 'b') == {97: 98})
print((1 + 2j).real, (1 + 2j).imag)
# every name dir() lists can be fetched, on types and on instances
for t in (int, float, complex, str, bytes, bytearray, list, tuple, dict, set,
          frozenset, range, slice, object, type):
    names = [n for n in dir(t) if not n.startswith('__')]
    ok = all(hasattr(t, n) for n in names)
    print(t.__name__, ok, all(n in dir(t) for n in t.__dict__ if not n.startswith('__')))
# built-in type attributes stay read-only
try:
    list.append = 1
except (TypeError, AttributeError):
    print('read-only')
print(list.append is list.append, type(list.__dict__['append']) is type(list.pop))
# read-only properties of built-in types
mv = memoryview(b'abcd')
print(hasattr(memoryview, 'nbytes'), mv.nbytes, mv.readonly, mv.itemsize, 'nbytes' in dir(mv))
try:
    mv.nbytes = 3
except AttributeError:
    print('read-only property')
