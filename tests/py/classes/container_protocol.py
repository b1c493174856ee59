# __getitem__, __setitem__, __delitem__, __len__, __contains__ on user containers.

class Grid:
    def __init__(self, w, h, fill=0):
        self.w, self.h = w, h
        self.cells = [fill] * (w * h)

    def _index(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell out of range")
        return y * self.w + x

    def __getitem__(self, key):
        return self.cells[self._index(key)]

    def __setitem__(self, key, value):
        self.cells[self._index(key)] = value

    def __delitem__(self, key):
        self.cells[self._index(key)] = 0

    def __len__(self):
        return self.w * self.h

    def __contains__(self, value):
        return value in self.cells

g = Grid(3, 2)
g[0, 0] = 5
g[2, 1] = 7
print(g[0, 0], g[2, 1], g[1, 1], len(g), 7 in g, 8 in g, 8 not in g)
del g[0, 0]
print(g[0, 0], g.cells)
try:
    g[3, 0]
except IndexError as e:
    print("IndexError", e)

# a dict-like class with defaults
class DefaultTable:
    def __init__(self, default):
        self.data = {}
        self.default = default

    def __getitem__(self, k):
        return self.data.get(k, self.default)

    def __setitem__(self, k, v):
        self.data[k] = v

    def __delitem__(self, k):
        if k not in self.data:
            raise KeyError(k)
        del self.data[k]

    def __len__(self):
        return len(self.data)

    def __contains__(self, k):
        return k in self.data

t = DefaultTable("?")
t["a"] = 1
t["b"] = 2
print(t["a"], t["b"], t["zzz"], len(t), "a" in t, "zzz" in t)
del t["a"]
print(len(t), "a" in t)
try:
    del t["nope"]
except KeyError as e:
    print("KeyError", e.args)

# slices are passed to __getitem__ as slice objects
class Rope:
    def __init__(self, text):
        self.text = text

    def __getitem__(self, k):
        if isinstance(k, slice):
            return Rope(self.text[k])
        return self.text[k]

    def __len__(self):
        return len(self.text)

    def __repr__(self):
        return f"Rope({self.text!r})"

r = Rope("abcdefgh")
print(r[0], r[-1], r[2:5], r[::2], r[::-1], len(r[1:3]))

# __contains__ falls back to iteration, then to __getitem__
class ByIter:
    def __iter__(self):
        return iter([1, 2, 3])

class ByGetitem:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i * 10

print(2 in ByIter(), 5 in ByIter(), 20 in ByGetitem(), 25 in ByGetitem())

# __contains__ result is converted to bool
class Truthy:
    def __contains__(self, x):
        return x

print(1 in Truthy(), 0 in Truthy(), "" in Truthy(), "s" in Truthy())

# len() requires an int result >= 0
class BadLen:
    def __len__(self):
        return "3"

try:
    len(BadLen())
except TypeError:
    print("TypeError len")

class NoLen:
    pass

try:
    len(NoLen())
except TypeError:
    print("TypeError no __len__")

# unsupported item operations
try:
    NoLen()[0]
except TypeError:
    print("TypeError not subscriptable")
try:
    ByIter()[0] = 1
except TypeError:
    print("TypeError no item assignment")
