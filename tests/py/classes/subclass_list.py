# Subclassing list: extra methods, overridden methods, and builtin behaviour retained.

class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1] if self else None

s = Stack()
s.push(1)
s.push(2)
s.extend([3, 4])
print(s, len(s), s.peek(), s.pop(), s, isinstance(s, list), type(s).__name__)
print(s[0], s[-1], s[1:], 2 in s, list(reversed(s)), sorted(s, reverse=True))

# constructor arguments go to list
s2 = Stack("abc")
print(s2, s2.peek())

# overriding append to validate
class IntList(list):
    def append(self, v):
        if not isinstance(v, int):
            raise TypeError("ints only")
        super().append(v)

il = IntList([1, 2])
il.append(3)
try:
    il.append("x")
except TypeError as e:
    print("TypeError", e)
print(il, sum(il))

# operations on a subclass return plain lists
a = Stack([1, 2])
b = a + [3]
print(type(b).__name__, type(a[:1]).__name__, type(a * 2).__name__)

# extra attributes on the instance
class Named(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name

    def __repr__(self):
        return self.name + super().__repr__()

n = Named("nums", [3, 1, 2])
n.sort()
print(n, n.name, len(n))
print(str(n), [n])

# equality with plain lists
print(Named("x", [1]) == [1], [1] == Named("y", [1]), Stack([1, 2]) == Stack([1, 2]))

# overriding __getitem__ affects indexing but iteration uses the list storage
class Wrap(list):
    def __getitem__(self, i):
        if isinstance(i, int):
            return super().__getitem__(i % len(self))
        return super().__getitem__(i)

w = Wrap([10, 20, 30])
print(w[0], w[4], w[-4], w[1:], list(w))

# in-place operators keep the subclass
st = Stack([1])
before = st
st += [2]
print(st is before, type(st).__name__, st)

# subclass with __len__ override affects truthiness and len()
class Fixed(list):
    def __len__(self):
        return 99

f = Fixed()
print(len(f), bool(f))
